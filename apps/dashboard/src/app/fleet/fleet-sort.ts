/**
 * The table's order, as the asset search sorts (docs/API.md "Search", `sort`): by registration, last
 * seen or id, ascending or descending. Only these columns can be sorted, server-side, so the order
 * holds across every page the table loads.
 */
export type SortField = 'registration' | 'lastSeenAt' | 'id';
export type SortDirection = 'asc' | 'desc';
export type FleetSort = `${SortField}:${SortDirection}`;

export const SORT_FIELDS: readonly SortField[] = ['registration', 'lastSeenAt', 'id'];
/** The search's own default; the store and the address leave it out (''). */
export const DEFAULT_SORT: FleetSort = 'registration:asc';

/** `field` or `field:asc|desc` as the API takes it; '' for the default and for what is not a sort. */
export function readSort(text: string): FleetSort | '' {
  const [field = '', direction = 'asc', ...rest] = text.split(':');
  if (rest.length > 0 || !(SORT_FIELDS as readonly string[]).includes(field) || (direction !== 'asc' && direction !== 'desc')) return '';
  const sort = `${field}:${direction}` as FleetSort;
  return sort === DEFAULT_SORT ? '' : sort;
}

export function sortField(sort: FleetSort | ''): SortField {
  return (sort || DEFAULT_SORT).split(':')[0] as SortField;
}

export function sortDirection(sort: FleetSort | ''): SortDirection {
  return (sort || DEFAULT_SORT).split(':')[1] as SortDirection;
}

/** A click on a column's header: ascending first, then the other way round. */
export function nextSort(current: FleetSort | '', field: SortField): FleetSort | '' {
  const direction = sortField(current) === field && sortDirection(current) === 'asc' ? 'desc' : 'asc';
  return readSort(`${field}:${direction}`);
}
