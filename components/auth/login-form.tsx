"use client";
/**
 * Sign-in in up to two steps: email + password, then — when the account has or needs a second
 * factor — the authenticator code (with the QR code first for a user who must enrol). Every failure
 * shows the same message: the form never says which part was wrong or that an account is locked.
 */
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { ArrowLeft, Info } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TotpSetupKey } from "@/components/auth/totp-setup-key";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { useLocalizedResolver, type FieldMessages } from "@/lib/forms/field-errors";
import { useT } from "@/lib/i18n/client";
import type { Translate } from "@/lib/i18n/translate";
import { zTotpCode } from "@/lib/validation/password";

/** The password is kept only in this state, for the second request of a two-step sign-in. */
type Step =
  | { kind: "credentials" }
  | { kind: "totp"; credentials: Credentials }
  | { kind: "enrol"; credentials: Credentials; enrolment: Enrolment | null };
interface Enrolment {
  qrDataUrl: string;
  secret: string;
}
interface Credentials {
  email: string;
  password: string;
}

const ZCode = z.object({ code: zTotpCode });
const CODE_MESSAGES: FieldMessages<{ code: string }> = { invalid: { code: "auth.totp.codeInvalid" } };

function credentialsSchema(t: Translate) {
  return z.object({
    email: z
      .string()
      .trim()
      .min(1, { error: t("auth.emailRequired") })
      .pipe(z.email({ error: t("auth.emailInvalid") })),
    password: z.string().min(1, { error: t("auth.passwordRequired") }),
  });
}

async function fetchEnrolment(credentials: Credentials): Promise<Enrolment | null> {
  try {
    const response = await fetch("/api/auth/enrol", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as Partial<Enrolment>;
    return typeof body.qrDataUrl === "string" && typeof body.secret === "string" ? { qrDataUrl: body.qrDataUrl, secret: body.secret } : null;
  } catch {
    return null;
  }
}

export function LoginForm({ callbackUrl, expired, initialError }: { callbackUrl: string; expired: boolean; initialError: boolean }) {
  const t = useT();
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "credentials" });
  // Bumped on every failure so the alert re-mounts and is announced again, even with the same text.
  const [failures, setFailures] = useState(initialError ? 1 : 0);
  const [redirecting, setRedirecting] = useState(false);

  const credentialsResolver = useMemo(() => zodResolver(credentialsSchema(t)), [t]);
  const credentialsForm = useForm({ resolver: credentialsResolver, defaultValues: { email: "", password: "" } });
  const codeResolver = useLocalizedResolver(zodResolver(ZCode), CODE_MESSAGES);
  const codeForm = useForm({ resolver: codeResolver, defaultValues: { code: "" } });

  // Too many failures from this network: said plainly, unlike a wrong password (no account is named).
  const [rateLimited, setRateLimited] = useState(false);
  const fail = (error?: string) => {
    setRateLimited(error === "RATE_LIMITED");
    setFailures((count) => count + 1);
  };

  /** Tries next-auth; on success leaves the page (the buttons stay disabled until it has). */
  async function attempt(values: Credentials, totp?: string): Promise<string | null> {
    const result = await signIn("credentials", { ...values, totp: totp ?? "", redirect: false });
    if (result && !result.error) {
      setRedirecting(true);
      router.replace(callbackUrl);
      router.refresh();
      return null;
    }
    return result?.error ?? "FAILED";
  }

  async function submitCredentials(values: Credentials) {
    const error = await attempt(values);
    if (error === null) return;
    if (error === "TOTP_REQUIRED") {
      setStep({ kind: "totp", credentials: values });
      return;
    }
    if (error === "ENROL_REQUIRED") {
      setStep({ kind: "enrol", credentials: values, enrolment: null });
      const enrolment = await fetchEnrolment(values);
      if (enrolment) {
        setStep({ kind: "enrol", credentials: values, enrolment });
        return;
      }
      restart();
    }
    credentialsForm.resetField("password");
    credentialsForm.setFocus("password");
    fail(error);
  }

  async function submitCode({ code }: { code: string }) {
    if (step.kind === "credentials") return;
    const error = await attempt(step.credentials, code);
    if (error === null) return;
    codeForm.reset({ code: "" });
    codeForm.setFocus("code");
    fail(error);
  }

  function restart() {
    codeForm.reset({ code: "" });
    credentialsForm.resetField("password");
    setStep({ kind: "credentials" });
  }

  const busy = redirecting || credentialsForm.formState.isSubmitting || codeForm.formState.isSubmitting;
  const title = step.kind === "credentials" ? t("auth.title") : step.kind === "totp" ? t("auth.totp.title") : t("auth.enrol.title");
  const description =
    step.kind === "credentials" ? null : step.kind === "totp" ? t("auth.totp.description") : t("auth.enrol.description");

  return (
    <Card className="w-full gap-5">
      <CardHeader>
        <CardTitle className="text-lg">{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="grid gap-4">
        {expired && step.kind === "credentials" && failures === 0 && (
          <Alert data-testid="login-expired">
            <Info aria-hidden />
            <AlertDescription>{t("auth.expired")}</AlertDescription>
          </Alert>
        )}
        {failures > 0 && (
          <Alert key={failures} variant="destructive" role="alert" data-testid="login-error">
            <AlertDescription>{rateLimited ? t("auth.rateLimited") : t("auth.failed")}</AlertDescription>
          </Alert>
        )}

        {step.kind === "credentials" ? (
          <Form {...credentialsForm}>
            <form method="post" onSubmit={credentialsForm.handleSubmit(submitCredentials)} className="grid gap-4" noValidate>
              <FormField
                control={credentialsForm.control}
                name="email"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("auth.email")}</FormLabel>
                    <FormControl>
                      <Input type="email" autoComplete="username" autoCapitalize="none" spellCheck={false} autoFocus {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={credentialsForm.control}
                name="password"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>{t("auth.password")}</FormLabel>
                    <FormControl>
                      <Input type="password" autoComplete="current-password" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <Button type="submit" className="w-full" pending={busy}>
                {t("auth.submit")}
              </Button>
            </form>
          </Form>
        ) : (
          <>
            {step.kind === "enrol" && <EnrolmentDetails enrolment={step.enrolment} />}
            <Form {...codeForm}>
              <form method="post" onSubmit={codeForm.handleSubmit(submitCode)} className="grid gap-4" noValidate>
                <p className="truncate text-xs text-muted-foreground">{t("auth.signingInAs", { email: step.credentials.email })}</p>
                <FormField
                  control={codeForm.control}
                  name="code"
                  render={({ field }) => (
                    <FormItem>
                      <FormLabel>{t("auth.totp.code")}</FormLabel>
                      <FormControl>
                        <Input
                          inputMode="numeric"
                          autoComplete="one-time-code"
                          maxLength={6}
                          placeholder="123456"
                          className="font-mono tracking-[0.3em]"
                          autoFocus
                          {...field}
                        />
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <Button type="submit" className="w-full" pending={busy} disabled={step.kind === "enrol" && !step.enrolment}>
                  {step.kind === "enrol" ? t("auth.enrol.submit") : t("auth.totp.submit")}
                </Button>
                <Button type="button" variant="ghost" className="w-full" onClick={restart} disabled={busy}>
                  <ArrowLeft aria-hidden />
                  {t("auth.back")}
                </Button>
              </form>
            </Form>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function EnrolmentDetails({ enrolment }: { enrolment: Enrolment | null }) {
  const t = useT();
  if (!enrolment) {
    return (
      <div className="grid justify-items-center gap-3" aria-busy>
        <Skeleton className="size-44" />
        <p className="text-sm text-muted-foreground" role="status">
          {t("auth.enrol.loading")}
        </p>
      </div>
    );
  }
  return (
    <TotpSetupKey qrDataUrl={enrolment.qrDataUrl} secret={enrolment.secret} qrAlt={t("auth.enrol.qrAlt")} manualLabel={t("auth.enrol.manual")} />
  );
}
