import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("messages");

export default function Page() {
  return <NotBuiltPage id="messages" />;
}
