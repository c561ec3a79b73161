import { useBeforeUnload, useBlocker } from '@remix-run/react'
import { useCallback, useEffect } from 'react'

/**
 * Asks before unsaved changes are left behind: the browser's own prompt when the tab is closed or
 * reloaded, a confirmation for links inside the site. Moving within the editor's own address
 * (?conflict=…) and the save itself are not leaving.
 */
export function useUnsavedWarning(unsaved: () => boolean, question: string): void {
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (!unsaved()) return
        event.preventDefault()
        // Older browsers show the prompt only when returnValue is set.
        event.returnValue = ''
      },
      [unsaved],
    ),
  )
  const blocker = useBlocker(({ currentLocation, nextLocation, historyAction }) => historyAction !== 'REPLACE' && currentLocation.pathname !== nextLocation.pathname && unsaved())
  useEffect(() => {
    if (blocker.state !== 'blocked') return
    if (window.confirm(question)) blocker.proceed()
    else blocker.reset()
  }, [blocker, question])
}
