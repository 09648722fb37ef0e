/**
 * @module The frame around every page: a skip link, the banner with the main navigation, and the
 * main landmark. After each navigation focus moves to the new page, so a screen reader announces
 * it and a keyboard user starts from its top (as a full page load would).
 */
import { A, useLocation, type RouteSectionProps } from '@solidjs/router'
import { createEffect, For, on, Suspense } from 'solid-js'
import { AccountNav } from '../account/AccountNav'
import { CallAlerts } from '../account/CallAlerts'
import { PwaStatus } from '../pwa/PwaStatus'
import { focusMain } from '../ui/focusMain'
import { NAV_LINKS } from './nav'

export function Shell(props: RouteSectionProps) {
  let main!: HTMLElement
  const location = useLocation()
  createEffect(on(() => location.pathname, focusMain, { defer: true }))

  const skipToMain = (e: MouseEvent) => {
    e.preventDefault()
    main.focus()
  }

  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header class="app-header">
        <A href="/" class="brand">
          <span class="brand-mark" aria-hidden="true">
            ST
          </span>
          SilentTalk
        </A>
        <nav aria-label="Main">
          <ul class="nav-list">
            <For each={NAV_LINKS}>
              {(link) => (
                <li>
                  <A href={link.href} end activeClass="active">
                    {link.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
        <AccountNav />
      </header>
      <CallAlerts />
      <PwaStatus />
      <main id="main" tabindex="-1" ref={main}>
        <Suspense fallback={<p class="page-loading">Loading…</p>}>{props.children}</Suspense>
      </main>
    </>
  )
}
