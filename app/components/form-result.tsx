/** What a form post answered: a notice when it worked, an alert when it did not. */
export function FormResult({ result }: { result: { ok: boolean; message: string } }) {
  return (
    <p className={result.ok ? 'notice' : 'form-error'} role={result.ok ? 'status' : 'alert'}>
      {result.message}
    </p>
  )
}
