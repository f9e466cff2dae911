/**
 * The DataTable props that follow from a list query's state, so every table wires loading, paging
 * placeholder, error and retry the same way: `<DataTable table={table} {...dataTableQueryProps(query, t)} />`.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import type { Translate } from "@/lib/i18n/translate";
import { describeTrpcError } from "@/lib/trpc/errors";

export function dataTableQueryProps(query: UseQueryResult<unknown, unknown>, t: Translate) {
  return {
    isLoading: query.isPending,
    isFetching: query.isFetching,
    isPlaceholder: query.isPlaceholderData,
    error: query.isError ? describeTrpcError(query.error, t).message : null,
    onRetry: () => void query.refetch(),
  };
}
