/** @module A few line icons (24×24, stroke = currentColor, so they follow the theme and forced colours). */

const PATHS = {
  mic: 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3',
  'mic-off': 'M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5 11a7 7 0 0 0 14 0M12 18v3M3 3l18 18',
  camera: 'M3 7h12v10H3zM15 10l6-3v10l-6-3',
  'camera-off': 'M3 7h12v10H3zM15 10l6-3v10l-6-3M2 3l19 18',
  chat: 'M4 5h16v11H9l-5 4z',
  leave: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  pin: 'M9 3h6l-1 6 4 4H6l4-4zM12 13v8',
  hand: 'M8 13V5a1.5 1.5 0 0 1 3 0v6M11 11V4a1.5 1.5 0 0 1 3 0v7M14 11V5.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7h-1a6 6 0 0 1-4.5-2.2L3 15.5a1.6 1.6 0 0 1 2.4-2L8 16',
  cc: 'M3 5h18v14H3zM11 10a2 2 0 1 0 0 4M18 10a2 2 0 1 0 0 4',
  transcript: 'M5 3h14v18H5zM8 8h8M8 12h8M8 16h5',
} as const

export type IconName = keyof typeof PATHS

export function Icon(props: { name: IconName }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
      <path d={PATHS[props.name]} />
    </svg>
  )
}
