import { expect, test } from './fixtures';

test('a client created through the UI is still there after a reload', async ({ app, reload }) => {
  await app.getByRole('link', { name: 'Clients' }).click();
  await app.getByRole('link', { name: 'New client' }).click();
  await app.getByLabel('First name').fill('Ada');
  await app.getByLabel('Last name').fill('Okafor');
  await app.getByLabel('Phone', { exact: true }).fill('07700 900123');
  await app.getByRole('button', { name: 'Save client' }).first().click();
  await expect(app.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();

  await reload();
  await expect(app.getByRole('heading', { name: 'Ada Okafor' })).toBeVisible();
  await app.getByRole('link', { name: 'Clients' }).click();
  await expect(app.getByRole('row', { name: /Okafor, Ada/ })).toBeVisible();
});

test('a required field left empty is named next to the field and nothing else is lost', async ({ app }) => {
  await app.goto(app.url().replace(/#.*$/, '') + '#/clients/new');
  await app.getByLabel('Last name').fill('Okafor');
  await app.getByLabel('Email').fill('ada@example.org');
  await app.getByRole('button', { name: 'Save client' }).first().click();
  await expect(app.getByText('First name is required.')).toBeVisible();
  await expect(app.getByLabel('Last name')).toHaveValue('Okafor');
  await expect(app.getByLabel('Email')).toHaveValue('ada@example.org');
});
