/**
 * Claims as they circulate in public discussion of the demo products, without a source (decision
 * 027). Some are settled against the demo's cited figures — named by page and the figure's
 * visible text, so a reordering of the demo pages does not link the wrong one — and some are open.
 * The "where seen" lines describe the kind of place such claims appear; they name no real person.
 */
export interface DemoUnverifiedClaim {
  text: string
  seenAt: string
  product: string | null
  metric: string | null
  settle?:
    | { status: 'verified' | 'contradicted'; page: string; figureText: string; metric: string; note: string | null }
    | { status: 'no-source'; note: string }
}

export const demoUnverifiedClaims: DemoUnverifiedClaim[] = [
  {
    text: 'Tchap has 200,000 daily users, the web conference 47,000 users.',
    seenAt: 'A comment in a public forum thread about the State\'s messaging tools, answering "who actually uses this?"; no source given.',
    product: 'tchap',
    metric: 'daily-active-users',
    settle: {
      status: 'verified', page: 'microsoft-teams-vs-tchap', figureText: '200,000', metric: 'daily-active-users',
      note: 'IT Social reports "plus de 200 000 utilisateurs actifs quotidiens" for Tchap, without a date. The 47,000 for the web conference is recorded as a claim of its own.',
    },
  },
  {
    text: 'The State web conference service has 47,000 users.',
    seenAt: 'The same forum thread as the Tchap claim; no source given.',
    product: 'visio-la-suite-meet',
    metric: null,
    settle: {
      status: 'no-source',
      note: 'Looked in the sources cited on /pages/zoom-vs-visio (Acteurs publics via apitech.net, e-voltaire.fr, IT Social) and in DINUM press releases: they give 12,000 monthly users (March 2020) and more than 60,000 (November 2025), never 47,000, and no 2024 usage figure.',
    },
  },
  {
    text: 'Tchap only ever had about 100,000 accounts.',
    seenAt: 'A reply under a news article on the circular of 25 July 2025 making Tchap the State messenger.',
    product: 'tchap',
    metric: 'registered-accounts',
    settle: {
      status: 'contradicted', page: 'microsoft-teams-vs-tchap', figureText: '220,000', metric: 'registered-accounts',
      note: 'Bercy numérique reports more than 220,000 registered accounts in March 2021.',
    },
  },
  {
    text: 'Microsoft Teams reached 75 million daily users in spring 2020.',
    seenAt: 'A slide in a conference talk on remote work tools.',
    product: 'microsoft-teams',
    metric: 'daily-active-users',
    settle: { status: 'verified', page: 'microsoft-teams-vs-tchap', figureText: '75 million', metric: 'daily-active-users', note: null },
  },
  {
    text: 'Tchap now has over a million users.',
    seenAt: 'A social media post about digital sovereignty in French ministries.',
    product: 'tchap',
    metric: null,
  },
  {
    text: 'Schleswig-Holstein moved all 30,000 staff to Linux.',
    seenAt: 'A headline repeated on several tech news aggregators in 2025.',
    product: 'libreoffice',
    metric: null,
  },
  {
    text: 'openDesk already has hundreds of thousands of users in the German administration.',
    seenAt: 'A comment in a discussion about openDesk on a developer forum.',
    product: 'opendesk',
    metric: 'users-unspecified',
  },
]
