// The renderer's only door: a closed, named API (`window.fettle.clients.search(...)`),
// one method per contract call, each on its own channel. No generic send.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, channelFor } from '../../shared/api/calls';
import type { Result } from '../../shared/api/result';

const api = buildApi((name, input) => ipcRenderer.invoke(channelFor(name), input) as Promise<Result<unknown>>);

contextBridge.exposeInMainWorld('fettle', api);
