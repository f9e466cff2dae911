/**
 * The DataTable props that follow from a list query's state, so every table wires loading, paging
 * placeholder, error and retry the same way: `<DataTable table={table} {...dataTableQueryProps(query)} />`.
 */
import type { UseQueryResult } from "@tanstack/react-query";
import { describeTrpcError } from "@/lib/trpc/errors";

export function dataTableQueryProps(query: UseQueryResult<unknown, unknown>) {
  return {
    isLoading: query.isPending,
    isFetching: query.isFetching,
    isPlaceholder: query.isPlaceholderData,
    error: query.isError ? describeTrpcError(query.error).message : null,
    onRetry: () => void query.refetch(),
  };
}
