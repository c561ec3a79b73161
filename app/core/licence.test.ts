import { describe, expect, it } from 'vitest'
import { checkLicence, familiesOf, parseLicenceFilter } from './licence'

describe('checkLicence', () => {
  it.each(['AGPL-3.0-only', 'Apache-2.0', 'MIT OR Apache-2.0', 'GPL-2.0-or-later WITH Classpath-exception-2.0', 'AGPL-3.0-only OR LicenseRef-Element-Commercial', 'CC0-1.0', 'LGPL-3.0-or-later'])(
    'accepts %s for an open-source product',
    (licence) => expect(checkLicence('open-source', licence)).toEqual({ ok: true, licence }),
  )

  it.each([
    ['', 'licence_required', /SPDX identifier/],
    ['BUSL-1.1', 'licence_source_available', /source-available, not open source/],
    ['SSPL-1.0', 'licence_source_available', /OSI/],
    ['Elastic-2.0', 'licence_source_available', /managed service/],
    ['Apache-2.0 WITH Commons Clause', 'licence_source_available', /Commons-Clause/],
    ['Apache-2.0 AND BUSL-1.1', 'licence_source_available', /BUSL-1.1/],
    ['FOO-1.0', 'licence_unknown', /not an SPDX licence identifier/],
    ['mit', 'licence_unknown', /written MIT/],
    ['LicenseRef-Proprietary', 'licence_proprietary', /closed software/],
    ['CC-BY-NC-4.0', 'licence_source_available', /commercial/],
    ['MIT AND', 'licence_unknown', /valid SPDX expression/],
  ])('refuses %j for an open-source product (%s)', (licence, code, message) => {
    const result = checkLicence('open-source', licence)
    expect(result).toMatchObject({ ok: false, code })
    expect(result.ok ? '' : result.message).toMatch(message)
  })

  it('gives a proprietary product LicenseRef-Proprietary, and refuses an open licence for it', () => {
    expect(checkLicence('proprietary', '')).toEqual({ ok: true, licence: 'LicenseRef-Proprietary' })
    expect(checkLicence('proprietary', 'LicenseRef-Proprietary')).toEqual({ ok: true, licence: 'LicenseRef-Proprietary' })
    expect(checkLicence('proprietary', 'MIT')).toMatchObject({ ok: false, code: 'licence_proprietary' })
  })
})

describe('licence families', () => {
  it.each([
    ['AGPL-3.0-only', ['copyleft']],
    ['MPL-2.0', ['copyleft', 'weak-copyleft']],
    ['LGPL-3.0-only', ['copyleft', 'weak-copyleft']],
    ['Apache-2.0', ['permissive']],
    ['MIT OR GPL-3.0-or-later', ['copyleft', 'permissive']],
    ['LicenseRef-Proprietary', []],
  ])('%s → %j', (expression, families) => expect(familiesOf(expression)).toEqual(families))

  it('reads a filter as a family or an SPDX id in any case', () => {
    expect(parseLicenceFilter('copyleft')).toEqual({ family: 'copyleft' })
    expect(parseLicenceFilter('agpl-3.0-only')).toEqual({ id: 'AGPL-3.0-only' })
    expect(parseLicenceFilter('nonsense')).toBeNull()
    expect(parseLicenceFilter('')).toBeNull()
  })
})
