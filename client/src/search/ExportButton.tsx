import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseListParams } from '../api/cases.js';
import { authHeaders, problemOf } from '../api/http.js';
import { saveBlob } from '../api/saveBlob.js';

/**
 * Downloads the filtered case list as CSV (staff): the list's filters and search without its page,
 * from `GET /api/exports/cases`, the header row in the UI language.
 */
export function ExportButton({ params }: { params: CaseListParams }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({ lang: i18n.language === 'en' ? 'en' : 'zh-CN' });
      for (const [k, v] of Object.entries(params)) {
        if (v !== undefined && k !== 'page' && k !== 'limit') query.set(k, String(v));
      }
      const res = await fetch(`/api/exports/cases?${query.toString()}`, { headers: authHeaders() });
      if (!res.ok) throw await problemOf(res, true);
      const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
      saveBlob(await res.blob(), name ?? 'sevenfold-cases.csv');
    } catch {
      notifications.show({ color: 'red', message: t('search.exportFailed') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      leftSection={<IconDownload size={16} />}
      loading={busy}
      onClick={() => void run()}
    >
      {busy ? t('search.exporting') : t('search.export')}
    </Button>
  );
}
