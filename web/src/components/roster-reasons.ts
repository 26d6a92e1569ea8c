/**
 * Why the roster is as it is, in the reader's words: why auto-fill chose someone, why a duty stays
 * open, why the reader cannot cover a duty. The API sends the reasons as codes (core/roster).
 * @module
 */
import type {
  ChosenBecause,
  CoverBar,
  OpenBecause,
  RosterRole,
  Unavailable,
} from '../../../functions/core/roster';
import { list, t } from '../i18n';
import { roleInText } from './roster-table';

export const chosenText = (r: ChosenBecause, role: RosterRole): string =>
  r.why === 'only'
    ? t('autofillWhy.only')
    : r.why === 'prefers'
      ? t('autofillWhy.prefers', { mode: r.mode })
      : t(`autofillWhy.${r.why}`, { count: r.count, role: roleInText(role) });

export const openText = (r: OpenBecause): string =>
  r.why === 'noFacilitators'
    ? t('autofillWhy.noFacilitators')
    : t('autofillWhy.noOne', {
        reasons: list(
          Object.entries(r.counts).map(([bar, count]) =>
            t(`autofillBar.${bar as Unavailable | 'alreadyThere'}`, { count }),
          ),
        ),
      });

export const coverBarText = (bar: CoverBar): string => t(`coverWhyNot.${bar}`);
