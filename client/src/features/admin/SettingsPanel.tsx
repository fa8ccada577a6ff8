// Settings the beheerder changes without a restart (the low-population threshold, the basemap), beside the
// ones that belong to the installation and are only shown: the disclosure control's threshold must be the
// same on every server and over time, so it is not changed from a browser.
import { useState, type FormEvent } from 'react';
import { saveSettings, type SettingsAnswer } from '../../api/client.ts';
import { errorText, useConfigQuery, useInvalidate, useSettingsQuery } from '../../api/queries.ts';
import { FormError, refusalOf, type Refusal } from './FieldError.tsx';
import { dateTime } from './words.ts';

const nl = (n: number) => n.toLocaleString('nl-NL');

export function SettingsPanel({ announce }: { announce: (message: string) => void }) {
  const settings = useSettingsQuery();
  return (
    <section className="admin-section" aria-labelledby="settings-title">
      <h2 id="settings-title">Instellingen</h2>
      {settings.error && <p role="alert">{errorText(settings.error)}</p>}
      {settings.data && <SettingsForm key={settings.data.history[0]?.id ?? 0} answer={settings.data} announce={announce} />}
    </section>
  );
}

function SettingsForm({ answer, announce }: { answer: SettingsAnswer; announce: (message: string) => void }) {
  const invalidate = useInvalidate();
  const [threshold, setThreshold] = useState(String(answer.values.lowPopulationThreshold));
  const presets = (useConfigQuery().data?.basemaps ?? []).filter((b) => b.id !== 'eigen');
  const [basemap, setBasemap] = useState(answer.values.basemap);
  // A preset is a word (pdok-grijs, none); an own basemap is an address.
  const [own, setOwn] = useState(/^https?:/.test(answer.values.basemap));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const invalid = (field: string) => (refusal?.field === field ? { 'aria-invalid': true, 'aria-describedby': 'settings-error' } : {});
  const { fixed, defaults } = answer;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(threshold.trim());
    if (!/^\d+$/.test(threshold.trim())) return setRefusal({ message: 'Vul een heel aantal inwoners in, bijvoorbeeld 200.', field: 'lowPopulationThreshold' });
    setBusy(true);
    setRefusal(null);
    try {
      await saveSettings({ lowPopulationThreshold: n, basemap: basemap.trim() });
      announce('De instellingen zijn opgeslagen en gelden meteen.');
      // Every answer that flags small areas, and the map's basemap, follow the new values.
      for (const key of [['settings'], ['config'], ['stats'], ['audit']]) invalidate(key);
    } catch (err) {
      setRefusal(refusalOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="admin-form" onSubmit={(e) => void submit(e)} aria-label="Instellingen wijzigen">
        <div className="form-row">
          <label htmlFor="setting-low-population">Weinig inwoners: minder dan</label>
          <input id="setting-low-population" inputMode="numeric" value={threshold} onChange={(e) => setThreshold(e.target.value)} aria-describedby="setting-low-population-hint" {...invalid('lowPopulationThreshold')} />
          <p id="setting-low-population-hint" className="hint">
            Een buurt met minder inwoners krijgt de markering &quot;weinig inwoners&quot;: een cijfer per 1.000 inwoners is daar onbetrouwbaar. Bij de installatie: {nl(defaults.lowPopulationThreshold)}.
          </p>
        </div>
        <div className="form-row">
          <label htmlFor="setting-basemap">Achtergrondkaart bij het openen</label>
          <select id="setting-basemap" value={own ? 'eigen' : basemap} onChange={(e) => (e.target.value === 'eigen' ? setOwn(true) : (setOwn(false), setBasemap(e.target.value)))} aria-describedby="setting-basemap-hint" {...invalid('basemap')}>
            {presets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
            <option value="eigen">Eigen adres…</option>
          </select>
          {own && (
            <>
              <label htmlFor="setting-basemap-url">Adres van de tegels of de kaartstijl</label>
              <input id="setting-basemap-url" value={basemap} onChange={(e) => setBasemap(e.target.value)} placeholder="https://…/{z}/{x}/{y}.png" {...invalid('basemap')} />
            </>
          )}
          <p id="setting-basemap-hint" className="hint">
            Gebruikers kunnen op de kaart zelf een andere achtergrond kiezen. Zonder verbinding met PDOK werkt de kaart gewoon, zonder achtergrond.
          </p>
        </div>
        <FormError id="settings-error" refusal={refusal} />
        <button type="submit" disabled={busy}>
          {busy ? 'Bezig…' : 'Instellingen opslaan'}
        </button>
      </form>
      <h3>Vast bij de installatie</h3>
      <dl className="fixed-settings">
        <dt>Kleine aantallen afgeschermd in presentaties</dt>
        <dd>{fixed.suppressionThreshold > 0 ? `1 tot en met ${nl(fixed.suppressionThreshold)}, afgerond; moet op elke server en door de tijd gelijk blijven` : 'niet afgeschermd'}</dd>
        <dt>Gemeente bij het openen</dt>
        <dd>{fixed.defaultGemeente}</dd>
        <dt>Opslag</dt>
        <dd>{fixed.database}</dd>
        <dt>Grootste bestand bij importeren</dt>
        <dd>{nl(fixed.maxUploadMb)} MB</dd>
      </dl>
      {answer.history.length > 0 && (
        <p className="hint">
          Laatst gewijzigd op {dateTime(answer.history[0].savedAt)} door {answer.history[0].savedBy ?? 'onbekend'} ({answer.history.length === 1 ? 'één wijziging' : `${nl(answer.history.length)} wijzigingen`}; alle staan in de audittrail).
        </p>
      )}
    </>
  );
}
