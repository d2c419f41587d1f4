import { AppShell, Group, NavLink, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useCall } from '../api';
import { SignedInAs } from '../access/SignedInAs';
import { useRoles } from '../access/session';
import { formatLongDate } from '../format';

const AREAS: readonly { to: string; label: string; end?: true; adminOnly?: true }[] = [
  { to: '/', label: 'Today', end: true },
  { to: '/diary', label: 'Diary' },
  { to: '/recall', label: 'Recall' },
  { to: '/clients', label: 'Clients' },
  { to: '/races', label: 'Races' },
  { to: '/settings', label: 'Settings', adminOnly: true },
  { to: '/audit', label: 'Audit trail', adminOnly: true },
];

export function AppLayout() {
  const location = useLocation();
  const info = useCall('app:info', {});
  const { isAdmin } = useRoles();
  useNewScreenFocus(location.pathname);
  return (
    <AppShell navbar={{ width: 200, breakpoint: 0 }} header={{ height: 52 }} padding="lg">
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); focusMain(); }}>
        Skip to content
      </a>
      <AppShell.Header px="lg">
        <Group h="100%" justify="space-between">
          <Text component="span" fw={700} size="xl" c="teal.8">
            Fettle
          </Text>
          <Group gap="md">
            {info.data && (
              <Text size="sm" c="dimmed">
                {formatLongDate(info.data.today)}
              </Text>
            )}
            <SignedInAs />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" component="nav">
        {AREAS.filter((area) => !area.adminOnly || isAdmin).map((area) => {
          const active = area.end ? location.pathname === area.to : location.pathname.startsWith(area.to);
          return <NavLink key={area.to} component={RouterLink} to={area.to} label={area.label} active={active} aria-current={active ? 'page' : undefined} />;
        })}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

/** Focus goes to the page's heading (or the main area), for keyboard and screen-reader users. */
function focusMain() {
  const heading = document.querySelector<HTMLElement>('main h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  } else document.getElementById('main')?.focus({ preventScroll: true });
}

/**
 * A new screen opens at its top, and focus moves to its heading unless the screen focused a field
 * itself (the client search does); the first screen after start-up keeps the browser's focus.
 */
function useNewScreenFocus(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    window.scrollTo(0, 0);
    if (first.current) {
      first.current = false;
      return;
    }
    let tries = 0;
    const timer = window.setInterval(() => {
      tries += 1;
      const claimed = document.activeElement && document.activeElement !== document.body && document.getElementById('main')?.contains(document.activeElement);
      if (claimed) return window.clearInterval(timer);
      if (document.querySelector('main h1') || tries > 20) {
        window.clearInterval(timer);
        focusMain();
      }
    }, 50);
    return () => window.clearInterval(timer);
  }, [pathname]);
}
