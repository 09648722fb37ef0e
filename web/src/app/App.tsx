/**
 * @module The router. Every page is lazy, so the first load carries only the shell and the page
 * opened (issue #6 budget). Adding a page is one `<Route>` line here (and, for the header, one
 * entry in nav.ts); the page module default-exports its component.
 */
import { Route, Router } from '@solidjs/router'
import { lazy } from 'solid-js'
import { Shell } from './Shell'

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={lazy(() => import('./HomePage'))} />
      <Route path="/call/:id" component={lazy(() => import('../call/CallPage'))} />
      <Route path="*404" component={lazy(() => import('./NotFoundPage'))} />
    </Router>
  )
}
