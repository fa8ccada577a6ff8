// Beheer: the functional application manager's desk (accounts, imports, the plan's targets, settings, audit trail). Shown to a beheerder only;
// every action is enforced again on the server.
import { AccountsPanel } from '../../features/admin/AccountsPanel.tsx';
import { AuditPanel } from '../../features/admin/AuditPanel.tsx';
import { ImportPanel } from '../../features/admin/ImportPanel.tsx';
import { CbsUpdatePanel } from '../../features/admin/CbsUpdatePanel.tsx';
import { TargetsPanel } from '../../features/admin/TargetsPanel.tsx';
import { SettingsPanel } from '../../features/admin/SettingsPanel.tsx';
import type { PageProps } from './pageProps.ts';

export function BeheerView({ view, scene, session, announce }: PageProps) {
  if (session.role !== 'beheerder') {
    return (
      <main id="inhoud" tabIndex={-1} className="admin-page">
        <h2>Beheer</h2>
        <p>Deze pagina is voor de beheerder van de kaart: accounts, imports, de doelen van het plan en de instellingen.</p>
        <p>
          {session.role === 'open'
            ? 'Er is nog geen account. Zodra de beheerder van deze installatie het eerste beheerdersaccount heeft aangemaakt, kunt u zich hier aanmelden.'
            : 'U bent aangemeld zonder beheerdersrechten. Meld u aan met een beheerdersaccount om hier te werken.'}
        </p>
      </main>
    );
  }
  return (
    <main id="inhoud" tabIndex={-1} className="admin-page">
      <h2 className="visually-hidden">Beheer</h2>
      <AccountsPanel announce={announce} />
      {/* A police extract belongs to one gemeente; on the country view the server's default gemeente applies. */}
      <ImportPanel gemeente={view.gemeente === 'NL' ? null : view.gemeente} gemeenteNaam={view.gemeente === 'NL' ? null : scene.gemeenteNaam} announce={announce} />
      <CbsUpdatePanel />
      {view.gemeente === 'NL' ? (
        <p className="admin-section">Kies een gemeente om de doelen van haar plan te beheren.</p>
      ) : (
        <TargetsPanel key={view.gemeente} gemeente={view.gemeente} gemeenteNaam={scene.gemeenteNaam} announce={announce} />
      )}
      <SettingsPanel announce={announce} />
      <AuditPanel />
    </main>
  );
}
