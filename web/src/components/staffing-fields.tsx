import { ROLE_ORDER, type RosterRole, type Staffing } from '../../../functions/core/roster';
import { t } from '../i18n';
import { label } from '../labels';

export function StaffingFields({ value, set }: { value: Staffing; set: (s: Staffing) => void }) {
  const toggle = (role: RosterRole, on: boolean) => {
    const roles = ROLE_ORDER.filter((r) => (r === role ? on : value.roles.includes(r)));
    if (roles.length) set({ roles, minimum: Math.min(value.minimum, roles.length) });
  };
  return (
    <fieldset>
      <legend>{t('staffingFields.legend')}</legend>
      {ROLE_ORDER.map((r) => (
        <label key={r}>
          <input
            type="checkbox"
            checked={value.roles.includes(r)}
            onChange={(e) => toggle(r, e.currentTarget.checked)}
          />
          {label('rosterRole', r)}
        </label>
      ))}
      <div class="field">
        <label for="staffing-minimum">{t('staffingFields.minimum')}</label>
        <select
          id="staffing-minimum"
          value={String(value.minimum)}
          onChange={(e) => set({ ...value, minimum: Number(e.currentTarget.value) })}
        >
          {value.roles.map((_, i) => (
            <option key={i} value={String(i + 1)}>
              {t('staffingFields.ofThem', { count: i + 1 })}
            </option>
          ))}
        </select>
      </div>
      {value.roles.includes('lead') && <p class="meta">{t('staffingFields.leadNote')}</p>}
    </fieldset>
  );
}
