/**
 * @module The router. Every page is lazy, so the first load carries only the shell and the page
 * opened (issue #6 budget). Adding a page is one `<Route>` line here (and, for the header, one
 * entry in nav.ts); the page module default-exports its component.
 */
import { Route, Router } from '@solidjs/router'
import { lazy } from 'solid-js'
import { SessionProvider } from '../account/session'
import { Shell } from './Shell'

export function App() {
  return (
    <SessionProvider>
      <Router root={Shell}>
        <Route path="/" component={lazy(() => import('./HomePage'))} />
        <Route path="/call/:id" component={lazy(() => import('../call/CallPage'))} />
        <Route path="/signin" component={lazy(() => import('../account/SignInPage'))} />
        <Route path="/signup" component={lazy(() => import('../account/SignUpPage'))} />
        <Route path="/account" component={lazy(() => import('../account/ProfilePage'))} />
        <Route path="/account/verify" component={lazy(() => import('../account/VerifyEmailPage'))} />
        <Route path="/account/reset" component={lazy(() => import('../account/ResetPasswordPage'))} />
        <Route path="/account/privacy" component={lazy(() => import('../account/PrivacyPage'))} />
        <Route path="/contacts" component={lazy(() => import('../account/ContactsPage'))} />
        <Route path="/history" component={lazy(() => import('../account/HistoryPage'))} />
        <Route path="/practice" component={lazy(() => import('../practice/PracticePage'))} />
        <Route path="/practice/glossary" component={lazy(() => import('../practice/glossary/GlossaryPage'))} />
        <Route path="/practice/glossary/:sign" component={lazy(() => import('../practice/glossary/SignPage'))} />
        <Route path="/practice/your-signs" component={lazy(() => import('../practice/customSigns/CustomSignsPage'))} />
        <Route path="/practice/:lesson" component={lazy(() => import('../practice/LessonPage'))} />
        <Route path="/captions" component={lazy(() => import('../captions/CaptionArchivePage'))} />
        <Route path="*404" component={lazy(() => import('./NotFoundPage'))} />
      </Router>
    </SessionProvider>
  )
}
