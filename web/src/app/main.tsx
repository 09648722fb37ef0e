/** @module Entry point: mounts the app into index.html's #root. */
import { render } from 'solid-js/web'
import { App } from './App'
import './app.css'
import '../ui/ui.css'

render(() => <App />, document.getElementById('root')!)
