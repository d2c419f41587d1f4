import { expect, INTERNAL_FAILURE, test } from './fixtures';

// A failed call is always visible: no silent no-op, and no "nothing here" when the read failed.

const url = (app: { url(): string }, hash: string) => app.url().replace(/#.*$/, '') + hash;

test('archiving that fails says so and changes nothing', async ({ app, clinic, failingCalls }) => {
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Emil', lastName: 'Zatopek' });
  failingCalls.add('clients:archive');
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Archive client' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(INTERNAL_FAILURE.message);
  await expect(app.getByRole('button', { name: 'Archive client' })).toBeVisible();
});

test('removing a race that fails says so and keeps the race', async ({ app, clinic, failingCalls }) => {
  const client = await clinic.call<{ id: number }>('clients:create', { firstName: 'Emil', lastName: 'Zatopek' });
  await clinic.call('races:create', { clientId: client.id, name: 'Prague Marathon', date: '2026-05-03', distance: 'marathon' });
  failingCalls.add('races:remove');
  await app.goto(url(app, `#/clients/${client.id}`));
  await app.getByRole('button', { name: 'Remove Prague Marathon' }).click();
  await app.getByRole('button', { name: 'Remove race' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await app.getByRole('button', { name: 'Keep it' }).click();
  await expect(app.getByRole('cell', { name: 'Prague Marathon', exact: true })).toBeVisible();
});

test('a screen whose read failed says so, never "nothing here", and can try again', async ({ app, failingCalls }) => {
  failingCalls.add('races:upcoming');
  await app.goto(url(app, '#/races'));
  await expect(app.getByRole('alert').filter({ hasText: 'Could not load upcoming races' })).toBeVisible();
  await expect(app.getByText('No upcoming races on file. Add races from a client’s page.')).toHaveCount(0);
  failingCalls.delete('races:upcoming');
  await app.getByRole('button', { name: 'Try again' }).click();
  await expect(app.getByText('No upcoming races on file. Add races from a client’s page.')).toBeVisible();
});

test('a link to a screen that does not exist shows the error screen with a way back', async ({ app }) => {
  await app.goto(url(app, '#/clients/7/nonsense'));
  await expect(app.getByRole('heading', { name: 'There is no such screen' })).toBeVisible();
  await app.getByRole('button', { name: 'Go to Today' }).click();
  await expect(app.getByRole('heading', { level: 1 })).toContainText('Today');
});

test('a lock that fails says so, rather than leaving the screen open as if it were locked', async ({ app, clinic, failingCalls }) => {
  failingCalls.add('session:lock');
  await app.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'Fettle did not lock' })).toContainText(INTERNAL_FAILURE.message);
  expect(clinic.session.state).toBe('signed-in');
  failingCalls.delete('session:lock');
  await app.getByRole('alert').filter({ hasText: 'Fettle did not lock' }).getByRole('button', { name: 'Dismiss' }).click();
  await app.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Fettle is locked' })).toBeVisible();
  expect(clinic.session.state).toBe('locked');
});
