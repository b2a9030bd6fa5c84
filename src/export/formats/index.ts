import type { ReportFormat } from '../report.model';
import { jsonFormat } from './json';

/** Every export format by name: adding one is a module in this folder and a line here. */
export const FORMATS: Record<string, ReportFormat> = {
  json: jsonFormat,
};

export const formatNames = Object.keys(FORMATS);
