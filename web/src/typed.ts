/**
 * What a person typed or chose in a page the server drew, before the app had arrived: the app's
 * first render sets each field to its own state (the address's search, say), which would wipe
 * it. So it is taken before that render and given back after, as if typed then, through the
 * same events the page listens to; focus stays where it is (the fields are the same elements).
 * @module
 */

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Kept = { control: Control; value: string | boolean };

const changed = (c: Control): boolean => {
  if (c instanceof HTMLSelectElement) return [...c.options].some((o) => o.selected !== o.defaultSelected);
  if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio'))
    return c.checked !== c.defaultChecked;
  return c.value !== c.defaultValue;
};

/** The fields under `root` the person has changed, with what they hold. */
export function typedIn(root: Element): Kept[] {
  return [...root.querySelectorAll<Control>('input, select, textarea')].filter(changed).map((control) => ({
    control,
    value:
      control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')
        ? control.checked
        : control.value,
  }));
}

/** Puts back what was typed, each field telling the page as a person's input would. */
export function giveBack(kept: Kept[]): void {
  for (const { control, value } of kept) {
    if (!control.isConnected) continue;
    if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
    else control.value = value;
    control.dispatchEvent(new Event('input', { bubbles: true }));
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
