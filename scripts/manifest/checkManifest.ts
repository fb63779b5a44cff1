import { DOMParser } from "@xmldom/xmldom";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Our offline structural check of manifest.xml: Microsoft's validator needs its online service, so the
 * invariants this add-in depends on are checked here, each with a message saying what is wrong.
 */
export function checkManifest(xml: string, assetsDir: string): string[] {
  const problems: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== "warning") problems.push(`Not well-formed XML: ${message}`);
      },
    }).parseFromString(xml, "text/xml") as unknown as Document;
  } catch (error) {
    return [`Not well-formed XML: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (problems.length > 0 || !doc.documentElement)
    return problems.length ? problems : ["Not well-formed XML."];

  const all = (name: string) =>
    Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name) as Element[];
  const one = (name: string) => all(name)[0];

  const resources = new Map<string, Element>();
  for (const kind of ["Image", "Url", "String"]) {
    for (const element of all(kind)) {
      const id = element.getAttribute("id");
      if (
        id &&
        element.parentNode &&
        (element.parentNode as Element).namespaceURI?.includes("officeappbasictypes")
      ) {
        if (resources.has(id)) problems.push(`Resource id "${id}" is defined twice.`);
        resources.set(id, element);
      }
    }
  }
  for (const element of Array.from(doc.getElementsByTagName("*")) as Element[]) {
    const resid = element.getAttribute("resid");
    if (resid && !resources.has(resid))
      problems.push(`<${element.localName} resid="${resid}"> does not resolve to a resource.`);
    if (resid && resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters.`);
  }

  const runtimes = all("Runtime");
  if (runtimes.length !== 1)
    problems.push(`Expected exactly one <Runtime>, found ${runtimes.length}.`);
  const runtime = runtimes[0];
  if (runtime) {
    if (runtime.getAttribute("lifetime") !== "long")
      problems.push('The shared <Runtime> must have lifetime="long".');
    const runtimeResid = runtime.getAttribute("resid");
    const pageResid = one("Page") && childSourceResid(one("Page"));
    const functionFileResid = one("FunctionFile")?.getAttribute("resid");
    const taskpaneResid = all("Action")
      .filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")
      .map(childSourceResid);
    for (const [where, resid] of [
      ["CustomFunctions <Page>", pageResid],
      ["<FunctionFile>", functionFileResid],
      ...taskpaneResid.map((r) => ["ShowTaskpane action", r]),
    ]) {
      if (resid !== runtimeResid)
        problems.push(`${where} uses resid "${resid}", not the runtime's "${runtimeResid}".`);
    }
  }

  const sets = all("Set").map((s) => `${s.getAttribute("Name")} ${s.getAttribute("MinVersion")}`);
  if (!sets.includes("SharedRuntime 1.1"))
    problems.push("The SharedRuntime 1.1 requirement is missing.");
  if (!all("Host").some((h) => h.getAttribute("Name") === "Workbook"))
    problems.push("The Workbook host is missing.");
  const permissions = one("Permissions")?.textContent?.trim();
  if (permissions !== "ReadWriteDocument")
    problems.push(`Permissions must be ReadWriteDocument, found "${permissions}".`);

  const namespaceResid = one("Namespace")?.getAttribute("resid");
  const namespace = namespaceResid
    ? resources.get(namespaceResid)?.getAttribute("DefaultValue")
    : undefined;
  if (namespace !== "CVA")
    problems.push(`The custom functions namespace must be CVA, found "${namespace}".`);
  if (!all("ExtensionPoint").some((e) => e.getAttribute("xsi:type") === "CustomFunctions"))
    problems.push("The CustomFunctions extension point is missing.");
  // Workbooks tagged by the pane's auto-open option open the pane whose action carries this reserved id.
  if (
    !all("TaskpaneId").some((e) => e.textContent?.trim() === "Office.AutoShowTaskpaneWithDocument")
  )
    problems.push(
      "No ShowTaskpane action has TaskpaneId Office.AutoShowTaskpaneWithDocument (auto-open)."
    );

  const urls = [
    ...all("SourceLocation").map((e) => e.getAttribute("DefaultValue")),
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((n) =>
      one(n)?.getAttribute("DefaultValue")
    ),
    ...all("AppDomain").map((e) => e.textContent?.trim()),
    ...[...resources.values()]
      .filter((e) => e.localName !== "String")
      .flatMap((e) => [e.getAttribute("DefaultValue"), ...overrides(e)]),
  ].filter((u): u is string => Boolean(u));
  for (const url of urls)
    if (!url.startsWith("https://")) problems.push(`URL is not https: ${url}`);

  const imageUrls = [
    ...["IconUrl", "HighResolutionIconUrl"].map((n) => one(n)?.getAttribute("DefaultValue")),
    ...all("Image").map((e) => e.getAttribute("DefaultValue")),
  ];
  for (const url of imageUrls.filter((u): u is string => Boolean(u))) {
    const file = url.split("/").pop() ?? "";
    if (!existsSync(join(assetsDir, file)))
      problems.push(`Icon ${file} (${url}) is not in ${assetsDir}.`);
  }

  if (one("DefaultLocale")?.textContent?.trim() !== "en-US")
    problems.push("DefaultLocale must be en-US.");
  const localizable = [
    one("DisplayName"),
    one("Description"),
    ...[...resources.values()].filter(
      (e) => e.localName === "String" && e.getAttribute("id") !== namespaceResid
    ),
  ];
  for (const element of localizable.filter(Boolean)) {
    if (!overrideLocales(element).includes("zh-CN"))
      problems.push(`${element.getAttribute("id") ?? element.localName} has no zh-CN override.`);
  }
  return problems;
}

function childSourceResid(parent: Element): string | null {
  const source = Array.from(parent.getElementsByTagName("*")).find(
    (e) => (e as Element).localName === "SourceLocation"
  ) as Element | undefined;
  return source?.getAttribute("resid") ?? null;
}

function overrideElements(element: Element): Element[] {
  return Array.from(element.childNodes).filter(
    (n) => (n as Element).localName === "Override"
  ) as Element[];
}

function overrides(element: Element): string[] {
  return overrideElements(element).map((o) => o.getAttribute("Value") ?? "");
}

function overrideLocales(element: Element): string[] {
  return overrideElements(element).map((o) => o.getAttribute("Locale") ?? "");
}
