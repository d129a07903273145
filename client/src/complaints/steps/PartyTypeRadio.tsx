import { Group, Radio } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PARTY_TYPES, type PartyType } from '../../../../shared/vocabulary.js';

/** A party's type (enterprise, individual…) as radio buttons. */
export function PartyTypeRadio({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: PartyType;
  onChange: (type: PartyType) => void;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group id={id} label={label} value={value} onChange={(v) => onChange(v as PartyType)} withAsterisk>
      <Group mt={10} gap="lg">
        {PARTY_TYPES.map((type) => (
          <Radio key={type} value={type} label={t(`vocab.partyType.${type}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}
