import {
  Alert,
  Button,
  Checkbox,
  FormLabel,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';

const QUERY_KEY = ['me', 'notification-preferences'];

/**
 * "E-mailberichten" on Mijn account: the notifications a user gets. Those about their own
 * money or obligations are always sent and listed as such; the others can be switched off.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => call(() => api.GET('/v1/me/notification-preferences')),
  });
  // What the user changed since the last save; the rest is as the server says.
  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const isOn = (type: string, serverSays: boolean) => choices[type] ?? serverSays;

  const save = useMutation({
    mutationFn: (disabled: string[]) =>
      call(() =>
        api.PUT('/v1/me/notification-preferences', {
          body: { disabled: disabled as never[] },
        }),
      ),
    onSuccess: (data) => {
      client.setQueryData(QUERY_KEY, data);
      setChoices({});
      setSaved(true);
    },
  });

  const optional = query.data?.notifications.filter((n) => !n.mandatory) ?? [];
  const mandatory = query.data?.notifications.filter((n) => n.mandatory) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    save.mutate(optional.filter((n) => !isOn(n.type, n.enabled)).map((n) => n.type));
  }

  return (
    <section aria-labelledby="notification-preferences">
      <Heading2 id="notification-preferences">{t('notificationPrefs.title')}</Heading2>
      <Paragraph>{t('notificationPrefs.lead')}</Paragraph>
      {query.error && <ErrorMessage error={query.error} />}
      {query.data && (
        <>
          {optional.length > 0 && (
            <form onSubmit={submit} noValidate>
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ib-checkboxes">
                <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                  {t('notificationPrefs.optional')}
                </legend>
                {optional.map((notification) => (
                  <div
                    key={notification.type}
                    className="utrecht-form-field utrecht-form-field--checkbox"
                  >
                    <Checkbox
                      id={`notification-${notification.type}`}
                      name="enabled"
                      value={notification.type}
                      checked={isOn(notification.type, notification.enabled)}
                      onChange={(event) => {
                        const checked = event.target.checked;
                        setSaved(false);
                        setChoices((current) => ({ ...current, [notification.type]: checked }));
                      }}
                    />{' '}
                    <FormLabel htmlFor={`notification-${notification.type}`} type="checkbox">
                      {t(`notificationPrefs.types.${notification.type}`)}
                    </FormLabel>
                  </div>
                ))}
              </fieldset>
              {saved && (
                <Alert type="ok" role="status">
                  <Paragraph>{t('notificationPrefs.saved')}</Paragraph>
                </Alert>
              )}
              {save.error && <ErrorMessage error={save.error} />}
              <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
                {t('notificationPrefs.save')}
              </Button>
            </form>
          )}
          {mandatory.length > 0 && (
            <>
              <Paragraph>{t('notificationPrefs.mandatory')}</Paragraph>
              <ul className="utrecht-unordered-list">
                {mandatory.map((notification) => (
                  <li key={notification.type} className="utrecht-unordered-list__item">
                    {t(`notificationPrefs.types.${notification.type}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
