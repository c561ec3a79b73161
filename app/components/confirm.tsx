import { TriangleAlert } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * A destructive action asks once, without JavaScript: a required checkbox that the browser's own
 * form validation holds the submit on until it is ticked. The button looks destructive (filled
 * red, with a warning sign), not only coloured.
 */
export function DangerSubmit({ confirm, children, disabled, describedBy }: { confirm: string; children: ReactNode; disabled?: boolean; describedBy?: string }) {
  return (
    <div className="danger-submit">
      <label className="confirm-check">
        <input type="checkbox" name="confirmed" value="yes" required /> {confirm}
      </label>
      <button type="submit" className="danger" disabled={disabled} aria-describedby={describedBy}>
        <TriangleAlert aria-hidden="true" size={16} focusable="false" /> {children}
      </button>
    </div>
  )
}
