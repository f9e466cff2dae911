import type { ShellData } from "@/server/shell";

/** What the client side of the shell receives from the server layout (plain, serialisable data). */
export type ShellUser = Pick<ShellData["user"], "name" | "email" | "role">;
export type ShellBrand = NonNullable<ShellData["brand"]>;
export type ShellBrandOption = ShellData["brands"][number];
