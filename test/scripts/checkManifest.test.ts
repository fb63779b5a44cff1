import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkManifest } from "../../scripts/manifest/checkManifest";

const root = join(__dirname, "..", "..");
const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
const assets = join(root, "assets");

describe("offline manifest check", () => {
  it("passes the project's manifest", () => {
    expect(checkManifest(manifest, assets)).toEqual([]);
  });

  it.each([
    ["malformed XML", manifest.replace("</OfficeApp>", ""), /well-formed/],
    [
      "an unresolved resid",
      manifest.replace('resid="Functions.Namespace"', 'resid="Functions.Nope"'),
      /Functions.Nope.*does not resolve/,
    ],
    [
      "a short-lived runtime",
      manifest.replace('lifetime="long"', 'lifetime="short"'),
      /lifetime="long"/,
    ],
    [
      "a task pane outside the shared runtime",
      manifest.replace(
        '<SourceLocation resid="Taskpane.Url" />\n                  </Action>',
        '<SourceLocation resid="GetStarted.LearnMoreUrl" />\n                  </Action>'
      ),
      /ShowTaskpane action uses resid "GetStarted.LearnMoreUrl"/,
    ],
    [
      "plain http",
      manifest.replace(
        "https://localhost:3000/functions.json",
        "http://localhost:3000/functions.json"
      ),
      /not https/,
    ],
    ["a missing icon", manifest.replaceAll("icon-80.png", "icon-81.png"), /icon-81.png/],
    [
      "another namespace",
      manifest.replace('DefaultValue="CVA"', 'DefaultValue="CONTOSO"'),
      /namespace must be CVA/,
    ],
    [
      "more permissions",
      manifest.replace(
        "<Permissions>ReadWriteDocument</Permissions>",
        "<Permissions>ReadWriteMailbox</Permissions>"
      ),
      /Permissions must be ReadWriteDocument/,
    ],
    [
      "no SharedRuntime requirement",
      manifest.replace('<Set Name="SharedRuntime" MinVersion="1.1" />', ""),
      /SharedRuntime 1.1/,
    ],
    [
      "an untranslated string",
      manifest.replace('<bt:Override Locale="zh-CN" Value="客户细分" />', ""),
      /TaskpaneButton.Label has no zh-CN/,
    ],
    [
      "a task pane that cannot open with a tagged workbook",
      manifest.replace(
        "<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>",
        "<TaskpaneId>Contoso.Pane</TaskpaneId>"
      ),
      /AutoShowTaskpaneWithDocument/,
    ],
  ])("reports %s", (_, broken, message) => {
    const problems = checkManifest(broken, assets);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });
});
