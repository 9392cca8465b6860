// The fields a user's profile shares between the create form and the edit panel: name, roles, skills,
// levels, languages, regions and extension, each with the server's complaint about it beside it.
import type { ReactNode } from 'react';
import { routing } from '../../../flows/routing.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import {
  choicesWith,
  type FieldErrors,
  LANGUAGES,
  REGIONS,
  ROLES,
  SKILL_LEVEL,
  SKILLS,
  toggled,
  type UserForm,
} from './user-form.js';

const LEVELS = Array.from({ length: SKILL_LEVEL.max - SKILL_LEVEL.min + 1 }, (_, i) => SKILL_LEVEL.min + i);

const SKILL_TITLES: Readonly<Record<string, string>> = Object.fromEntries(
  routing.queues.map((queue) => [queue.name, queue.description]),
);

export function FieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const message = errors[field];
  return message ? (
    <span className="error small" data-testid={`error-${field}`}>
      {message}
    </span>
  ) : null;
}

function Choices<T extends string>({
  name,
  legend,
  options,
  selected,
  label,
  title,
  onChange,
  errors,
}: {
  name: string;
  legend: ReactNode;
  options: readonly T[];
  selected: readonly T[];
  label: (value: T) => string;
  title?: (value: T) => string | undefined;
  onChange: (next: T[]) => void;
  errors: FieldErrors;
}) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {options.map((value) => (
        <label key={value} className="inline" title={title?.(value)}>
          <input
            type="checkbox"
            name={name}
            value={value}
            checked={selected.includes(value)}
            onChange={(e) => onChange(toggled(selected, value, e.target.checked, options))}
          />
          {label(value)}
        </label>
      ))}
      <FieldError errors={errors} field={name} />
    </fieldset>
  );
}

export function ProfileFields({
  form,
  onChange,
  errors,
}: {
  form: UserForm;
  onChange: (patch: Partial<UserForm>) => void;
  errors: FieldErrors;
}) {
  const { t, tx } = useLang();
  const { codeName } = useErrorText();
  return (
    <>
      <label>
        {t('userName')}
        <input name="name" required value={form.name} onChange={(e) => onChange({ name: e.target.value })} />
        <FieldError errors={errors} field="name" />
      </label>
      <Choices
        name="roles"
        legend={t('roles')}
        options={ROLES}
        selected={form.roles}
        label={(role) => tx(`role_${role}`)}
        onChange={(roles) => onChange({ roles })}
        errors={errors}
      />
      <Choices
        name="skills"
        legend={t('skills')}
        options={choicesWith(SKILLS, form.skills)}
        selected={form.skills}
        label={(skill) => codeName('skill', skill)}
        title={(skill) => SKILL_TITLES[skill]}
        onChange={(skills) => onChange({ skills })}
        errors={errors}
      />
      {form.skills.length > 0 && (
        <fieldset className="choices" data-testid="skill-levels">
          <legend>{t('skillLevels')}</legend>
          {form.skills.map((skill) => (
            <label key={skill} className="inline">
              {codeName('skill', skill)}{' '}
              <select
                name={`level-${skill}`}
                value={form.skillLevels[skill] ?? SKILL_LEVEL.default}
                onChange={(e) =>
                  onChange({ skillLevels: { ...form.skillLevels, [skill]: Number(e.target.value) } })
                }
              >
                {LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {level}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <FieldError errors={errors} field="skillLevels" />
        </fieldset>
      )}
      <Choices
        name="languages"
        legend={t('languages')}
        options={LANGUAGES}
        selected={form.languages}
        label={(lang) => tx(`lang_${lang}`)}
        onChange={(languages) => onChange({ languages })}
        errors={errors}
      />
      <Choices
        name="regions"
        legend={t('regions')}
        options={choicesWith(REGIONS, form.regions)}
        selected={form.regions}
        label={(region) => codeName('region', region)}
        onChange={(regions) => onChange({ regions })}
        errors={errors}
      />
      <label>
        {t('extension')}
        <input
          name="extension"
          inputMode="numeric"
          value={form.extension}
          onChange={(e) => onChange({ extension: e.target.value })}
        />
        <FieldError errors={errors} field="extension" />
      </label>
    </>
  );
}
