/** "Signing a request": what is signed, and the same request in curl, Python and TypeScript, each with a copy button. */
import { CopyButton } from "@/components/ui/copy-button";
import { getT } from "@/lib/i18n/server";
import { signingExamples, type ExampleLanguage } from "./signing-examples";

const LANGUAGES: ExampleLanguage[] = ["curl", "python", "typescript"];

export async function SigningSection({ origin }: { origin: string }) {
  const t = await getT();
  const examples = signingExamples(origin);
  return (
    <section id="signing" aria-labelledby="signing-title" className="scroll-mt-20 grid gap-4">
      <h2 id="signing-title" className="text-lg font-semibold tracking-tight">
        {t("partnerApi.reference.signing.title")}
      </h2>
      <p className="max-w-3xl text-sm leading-relaxed text-muted-foreground">{t("partnerApi.reference.signing.intro")}</p>
      <pre className="overflow-x-auto rounded-md border bg-muted/40 px-4 py-3 font-mono text-xs">
        BD-ACCESS-SIGN = base64( HMAC-SHA256( secret, timestamp + METHOD + requestPath + body ) )
      </pre>
      {LANGUAGES.map((language) => (
        <figure key={language} className="grid gap-0 overflow-hidden rounded-lg border">
          <figcaption className="flex items-center justify-between gap-2 border-b bg-muted/40 px-4 py-2 text-sm font-medium">
            {t(`partnerApi.reference.signing.${language}`)}
            <CopyButton value={examples[language]} variant="ghost" />
          </figcaption>
          <pre data-testid={`signing-example-${language}`} className="max-h-[28rem] overflow-auto bg-card p-4 font-mono text-xs leading-relaxed">
            <code>{examples[language]}</code>
          </pre>
        </figure>
      ))}
    </section>
  );
}
