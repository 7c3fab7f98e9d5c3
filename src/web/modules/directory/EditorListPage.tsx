import { Link } from 'wouter';
import { Page } from '../../components/Page.tsx';
import { Loaded } from '../../components/Status.tsx';
import { useResource } from '../../components/useResource.ts';
import { formatDate } from '../../format.ts';
import { useT } from '../../i18n.ts';
import { vocab } from './labels.ts';
import './directory.css';

interface Summary {
  id: string;
  name: string;
  type: string;
  status: 'draft' | 'published' | 'archived';
  assuredDate: string | null;
  stale: boolean;
}

/** The entries this person may edit, with their status and whether they need checking. */
export function EditorListPage() {
  const t = useT();
  const list = useResource<{ items: Summary[] }>('/api/directory/manage/entries');
  return (
    <Page title={t('directory.editor.listTitle')} intro={<p>{t('directory.editor.listIntro')}</p>} wide>
      <p>
        <Link href="/initiatieven/nieuw" className="button button-primary">
          {t('directory.editor.new')}
        </Link>{' '}
        <Link href="/initiatieven/importeren" className="button button-secondary">
          {t('directoryImport.link')}
        </Link>
      </p>
      <Loaded resource={list}>
        {(l) => (
          <ul className="finder-list">
            {l.items.map((i) => (
              <li key={i.id} className="card finder-result">
                <h2 className="editor-item-title">
                  <Link href={`/initiatieven/${i.id}`} className="link">
                    {i.name}
                  </Link>
                </h2>
                <p className="finder-meta">
                  {vocab(t, 'type', i.type)} · {t(`directory.editor.status.${i.status}`)}
                </p>
                <p className={i.stale ? 'editor-stale' : undefined}>
                  {i.assuredDate
                    ? t('directory.lastChecked', { date: formatDate(i.assuredDate) })
                    : t('directory.neverChecked')}
                  {i.stale ? ` · ${t('directory.editor.stale')}` : ''}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Page>
  );
}
