import { Badge, Box, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useConnectionState } from '../realtime/hooks.js';

/** Whether live updates are flowing (the session's socket is connected). */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  const color = state === 'connected' ? 'teal' : state === 'connecting' ? 'yellow' : 'gray';
  return (
    <Tooltip label={t(`live.stateHint.${state}`)} withArrow>
      <Badge
        variant="dot"
        color={color}
        size="md"
        radius="sm"
        tt="none"
        data-testid="connection"
        data-state={state}
        aria-label={t(`live.state.${state}`)}
      >
        {/* on a phone the dot alone says it; the tooltip and the label name the state */}
        <Box component="span" visibleFrom="sm">
          {t(`live.state.${state}`)}
        </Box>
      </Badge>
    </Tooltip>
  );
}
