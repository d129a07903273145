import Joi from 'joi';
import { DESK_QUEUES, type DeskQueue } from '../machine/deskQueue.js';
import {
  CASE_STATUSES,
  CHANNELS,
  IP_TYPES,
  TRACKS,
  type CaseStatus,
  type Channel,
  type IpType,
  type Track,
} from '../vocabulary.js';

/** Sort orders of the case list. */
export const CASE_SORTS = ['-updatedAt', 'updatedAt', '-filedAt', 'filedAt', 'nextDueAt', 'caseNo'] as const;

/** A sort order of the case list. */
export type CaseSort = (typeof CASE_SORTS)[number];

/** Filters, sort and page of the case list (`GET /api/cases`, validated by `caseListQuerySchema`). */
export interface CaseListQuery {
  status?: CaseStatus;
  channel?: Channel;
  track?: Track;
  ipType?: IpType;
  assignee?: 'me';
  /** Only cases not closed. */
  open?: boolean;
  /** One queue of the intake desk. */
  queue?: DeskQueue;
  /** Each row also lists the actions the caller may take on it now. */
  withActions?: boolean;
  overdue?: boolean;
  q?: string;
  page: number;
  limit: number;
  sort: CaseSort;
}

/** `GET /api/cases` query. Every value is a plain string or number: operators cannot get through. */
export const caseListQuerySchema = Joi.object<CaseListQuery>({
  status: Joi.string().valid(...CASE_STATUSES),
  channel: Joi.string().valid(...CHANNELS),
  track: Joi.string().valid(...TRACKS),
  ipType: Joi.string().valid(...IP_TYPES),
  assignee: Joi.string().valid('me'),
  open: Joi.boolean().truthy('true', '1').falsy('false', '0'),
  queue: Joi.string().valid(...DESK_QUEUES),
  withActions: Joi.boolean().truthy('true', '1').falsy('false', '0'),
  overdue: Joi.boolean().truthy('true', '1').falsy('false', '0'),
  q: Joi.string().trim().max(100).allow(''),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(20),
  sort: Joi.string()
    .valid(...CASE_SORTS)
    .default('-updatedAt'),
});

/** The intake desk's home: one queue's page, oldest filing first (`GET /api/cases/desk`). */
export interface DeskQuery {
  queue: DeskQueue;
  page: number;
  limit: number;
}

/** How many cases a page of a desk queue shows. */
export const DESK_PAGE_SIZE = 25;

/** `GET /api/cases/desk` query. */
export const deskQuerySchema = Joi.object<DeskQuery>({
  queue: Joi.string()
    .valid(...DESK_QUEUES)
    .required(),
  page: Joi.number().integer().min(1).max(10_000).default(1),
  limit: Joi.number().integer().min(1).max(100).default(DESK_PAGE_SIZE),
});

/** `:id` of a case. */
export const caseIdParamsSchema = Joi.object({
  id: Joi.string()
    .pattern(/^[A-Za-z0-9_-]{1,64}$/)
    .required(),
});

/** `GET /api/cases/:id/events` query. */
export const caseEventsQuerySchema = Joi.object({
  after: Joi.number().integer().min(0).default(0),
  limit: Joi.number().integer().min(1).max(1000).default(500),
});
