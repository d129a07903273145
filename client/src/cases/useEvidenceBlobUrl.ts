import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchEvidenceBlob } from '../api/evidence.js';
import { saveBlob } from '../api/saveBlob.js';

/** An object URL of an evidence file (downloaded with the bearer token), revoked when unused. */
export function useEvidenceBlobUrl(caseId: string, evidenceId: string, enabled = true) {
  const query = useQuery({
    queryKey: ['evidenceBlob', caseId, evidenceId],
    queryFn: async () => URL.createObjectURL(await fetchEvidenceBlob(caseId, evidenceId)),
    enabled,
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const url = query.data;
  useEffect(() => {
    return () => {
      // the cache may still hold it for another viewer; it is revoked when the cache drops it
      if (url && !enabled) URL.revokeObjectURL(url);
    };
  }, [url, enabled]);
  return query;
}

/** Downloads an evidence file to the user's computer under its recorded name. */
export async function saveEvidence(caseId: string, evidenceId: string, name: string): Promise<void> {
  saveBlob(await fetchEvidenceBlob(caseId, evidenceId), name);
}
