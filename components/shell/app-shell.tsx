"use client";
/**
 * The portal frame: brand-coloured wrapper, collapsible sidebar (a sheet on small screens), header with
 * brand picker, language, theme and user menu, and the main landmark pages render into.
 */
import { useState } from "react";
import { Menu, PanelLeftClose, PanelLeftOpen } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Separator } from "@/components/ui/separator";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { useT } from "@/lib/i18n/client";
import { cn } from "@/lib/utils";
import type { Permission } from "@/lib/auth/permissions";
import { BrandMark } from "./brand-mark";
import { BrandPicker } from "./brand-picker";
import { brandStyle } from "./brand-style";
import { LocaleSwitch } from "./locale-switch";
import { persistSidebarCollapsed } from "./sidebar-state";
import { SidebarNav } from "./sidebar-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import type { ShellBrand, ShellBrandOption, ShellUser } from "./types";

interface AppShellProps {
  user: ShellUser;
  permissions: Permission[];
  brand: ShellBrand | null;
  /** Non-empty only for platform admins. */
  brands: ShellBrandOption[];
  initialCollapsed: boolean;
  children: React.ReactNode;
}

export function AppShell({ user, permissions, brand, brands, initialCollapsed, children }: AppShellProps) {
  const t = useT();
  const [collapsed, setCollapsed] = useState(initialCollapsed);
  const [mobileOpen, setMobileOpen] = useState(false);

  function toggleCollapsed() {
    const next = !collapsed;
    setCollapsed(next);
    persistSidebarCollapsed(next);
  }

  const brandName = brand?.name ?? t("shell.brand.none");

  return (
    <div data-brand={brand?.slug} style={brandStyle(brand?.primaryColor)} className="flex min-h-svh bg-background">
      {/* Focus moves to <main> itself (not only the scroll position), and the URL keeps the table's state. */}
      <a
        href="#main"
        onClick={(event) => {
          const main = document.getElementById("main");
          if (!main) return;
          event.preventDefault();
          main.focus();
          main.scrollIntoView();
        }}
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:ring-2 focus:ring-ring"
      >
        {t("shell.skipToContent")}
      </a>

      {/* Desktop sidebar */}
      <aside
        data-collapsed={collapsed || undefined}
        className={cn(
          "sticky top-0 hidden h-svh shrink-0 flex-col border-r border-sidebar-border bg-sidebar text-sidebar-foreground transition-[width] duration-200 md:flex",
          collapsed ? "w-14" : "w-60",
        )}
      >
        <div className={cn("flex h-14 shrink-0 items-center gap-2.5 border-b border-sidebar-border px-3", collapsed && "justify-center px-0")}>
          <BrandMark brand={brand} />
          {!collapsed && (
            <div className="grid min-w-0 leading-tight">
              <span className="truncate text-sm font-semibold" data-testid="brand-name">
                {brandName}
              </span>
              <span className="truncate text-[11px] text-muted-foreground">{t("common.appName")}</span>
            </div>
          )}
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto">
          <SidebarNav permissions={permissions} collapsed={collapsed} hasBrand={!!brand} />
        </div>
        <div className={cn("border-t border-sidebar-border p-2", collapsed && "flex justify-center")}>
          <Button
            variant="ghost"
            size={collapsed ? "icon-sm" : "sm"}
            onClick={toggleCollapsed}
            aria-label={collapsed ? t("shell.sidebar.expand") : t("shell.sidebar.collapse")}
            aria-expanded={!collapsed}
            className={cn("text-muted-foreground", !collapsed && "w-full justify-start")}
          >
            {collapsed ? <PanelLeftOpen aria-hidden /> : <PanelLeftClose aria-hidden />}
            {!collapsed && <span aria-hidden>{t("shell.sidebar.collapse")}</span>}
          </Button>
        </div>
      </aside>

      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b bg-background/95 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-6">
          {/* Mobile navigation */}
          <Sheet open={mobileOpen} onOpenChange={setMobileOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon-sm" className="md:hidden" aria-label={t("shell.sidebar.open")}>
                <Menu aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent side="left" className="w-72 gap-0 bg-sidebar p-0 text-sidebar-foreground">
              <SheetHeader className="flex-row items-center gap-2.5 border-b border-sidebar-border px-3 py-3">
                <BrandMark brand={brand} />
                <div className="grid min-w-0 text-left leading-tight">
                  <SheetTitle className="truncate text-sm">{brandName}</SheetTitle>
                  <SheetDescription className="truncate text-[11px]">{t("shell.sidebar.title")}</SheetDescription>
                </div>
              </SheetHeader>
              {brands.length > 0 && (
                <div className="border-b border-sidebar-border p-3 sm:hidden">
                  <BrandPicker brands={brands} currentId={brand?.id ?? null} />
                </div>
              )}
              <div className="min-h-0 flex-1 overflow-y-auto">
                <SidebarNav permissions={permissions} hasBrand={!!brand} onNavigate={() => setMobileOpen(false)} />
              </div>
            </SheetContent>
          </Sheet>
          <span className="truncate text-sm font-semibold md:hidden">{brandName}</span>

          {brands.length > 0 && (
            <div className="hidden sm:block">
              <BrandPicker brands={brands} currentId={brand?.id ?? null} />
            </div>
          )}

          <div className="ml-auto flex items-center gap-1">
            <LocaleSwitch />
            <ThemeToggle />
            <Separator orientation="vertical" className="mx-1 h-5!" />
            <UserMenu user={user} />
          </div>
        </header>

        <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 outline-none md:px-8">
          <div className="mx-auto w-full max-w-7xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
