import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("bonuses");

export default function Page() {
  return <NotBuiltPage id="bonuses" />;
}
