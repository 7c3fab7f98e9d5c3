export type {
  ChangeStat,
  ChangeView,
  CountTableView,
  DirectoryHealthView,
  ReachView,
  Scope,
  WhatWorksView,
} from '../../../contracts/insights.ts';

/** One figure as the API sends it: hidden figures have no value. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** The filters of every view; empty strings are left out of the query. */
export interface Filters {
  municipality: string;
  from: string;
  to: string;
  instrument: string;
  period: 'year' | 'quarter';
}
