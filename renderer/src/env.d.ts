/// <reference types="vite/client" />
import type { FettleApi } from '../../shared/api/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or the e2e stand-in): the renderer's only way to the clinic's data. */
    fettle: FettleApi;
  }
}
export {};
