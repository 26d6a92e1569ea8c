import { ROLE_ORDER, ROSTER_ROLES, type RosterRole, type Staffing } from '../../../functions/core/roster';

export function StaffingFields({ value, set }: { value: Staffing; set: (s: Staffing) => void }) {
  const toggle = (role: RosterRole, on: boolean) => {
    const roles = ROLE_ORDER.filter((r) => (r === role ? on : value.roles.includes(r)));
    if (roles.length) set({ roles, minimum: Math.min(value.minimum, roles.length) });
  };
  return (
    <fieldset>
      <legend>Facilitators each meetup needs</legend>
      {ROLE_ORDER.map((r) => (
        <label key={r}>
          <input
            type="checkbox"
            checked={value.roles.includes(r)}
            onChange={(e) => toggle(r, e.currentTarget.checked)}
          />
          {ROSTER_ROLES[r]}
        </label>
      ))}
      <div class="field">
        <label for="staffing-minimum">It can run with at least</label>
        <select
          id="staffing-minimum"
          value={String(value.minimum)}
          onChange={(e) => set({ ...value, minimum: Number(e.currentTarget.value) })}
        >
          {value.roles.map((_, i) => (
            <option key={i} value={String(i + 1)}>
              {i + 1} of them
            </option>
          ))}
        </select>
      </div>
      {value.roles.includes('lead') && <p class="meta">A meetup without its lead counts as understaffed.</p>}
    </fieldset>
  );
}
