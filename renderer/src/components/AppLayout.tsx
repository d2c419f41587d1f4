import { AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { fettle, unwrap } from '../api';
import { formatLongDate } from '../format';

const AREAS = [
  { to: '/', label: 'Today', end: true },
  { to: '/calendar', label: 'Calendar' },
  { to: '/clients', label: 'Clients' },
  { to: '/races', label: 'Races' },
  { to: '/settings', label: 'Settings' },
] as const;

export function AppLayout() {
  const location = useLocation();
  const info = useQuery({ queryKey: ['app:info'], queryFn: () => unwrap(fettle().app.info({})) });
  return (
    <AppShell navbar={{ width: 200, breakpoint: 0 }} header={{ height: 52 }} padding="lg">
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between">
          <Title order={3} c="teal.8">
            Fettle
          </Title>
          {info.data && (
            <Text size="sm" c="dimmed">
              {formatLongDate(info.data.today)}
            </Text>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {AREAS.map((area) => {
          const active = 'end' in area ? location.pathname === area.to : location.pathname.startsWith(area.to);
          return <NavLink key={area.to} component={RouterLink} to={area.to} label={area.label} active={active} aria-current={active ? 'page' : undefined} />;
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
