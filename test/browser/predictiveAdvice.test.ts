import { Browser, Page } from "playwright-core";
import { cellText, chooseMethod, openWorkbench, rowTexts, segment } from "./workbench";

/**
 * Predictions that explain themselves (issue 11, finding 6; issue 12's guardrails) on the bundled Customers sheet,
 * where 1,202 of 2,357 customers bought once: the pane proposes MBG/NBD and says why; choosing BG/NBD shows that it
 * counts every one-time buyer alive, with a one-click switch back; and a customer's tier, activity and action read as
 * one recommendation (C00020, row 3, was "High", "Likely lost" and "VIP service" at once).
 */
describe("task pane: predictions that explain themselves", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await openWorkbench({ sheet: "Customers", range: "C5" }));
    await page.locator('[data-testid="preview-summary"][data-method="rfm"]').waitFor();
    await chooseMethod(page, "Predictive", "predictive");
  });
  afterAll(async () => browser?.close());

  const modelBox = () => page.getByRole("combobox", { name: "Purchase model" });

  it("proposes MBG/NBD where one-time buyers are many, and says so", async () => {
    await expect(modelBox().textContent()).resolves.toBe("MBG/NBD");
    await expect(page.getByTestId("one-time-model-note").textContent()).resolves.toBe(
      "MBG/NBD is proposed: 51 % of these customers bought only once, and BG/NBD would count every one of them as still active however long ago they bought."
    );
    // MBG/NBD lets one-time buyers drop out: nothing to warn about on these customers.
    await page.getByTestId("guardrails-checking").waitFor({ state: "detached" });
    await expect(page.getByTestId("guardrails").count()).resolves.toBe(0);
  });

  it("warns that BG/NBD counts every one-time buyer alive, and switches to MBG/NBD in one click", async () => {
    await modelBox().click();
    await page.getByRole("option", { name: "BG/NBD", exact: true }).click();
    const warning = page.locator('[data-guardrail="oneTimeAlive"]');
    await expect(warning.textContent()).resolves.toMatch(
      /^BG\/NBD gives all 1,?202 one-time buyers \(51 % of customers\) P\(alive\) = 1, however long ago they bought/
    );
    await warning.getByRole("button", { name: "Switch to MBG/NBD" }).click();
    await expect(modelBox().textContent()).resolves.toBe("MBG/NBD");
    await page.getByTestId("guardrails-checking").waitFor({ state: "detached" });
    await expect(warning.count()).resolves.toBe(0);
  });

  it("gives each customer one recommendation: a likely-lost High customer is won back, not given VIP service", async () => {
    await modelBox().click();
    await page.getByRole("option", { name: "BG/NBD", exact: true }).click();
    await page.locator('[data-guardrail="oneTimeAlive"]').waitFor();
    await segment(page);
    await expect(rowTexts(page, 1, "G", "L")).resolves.toEqual([
      "P(alive)",
      "Expected purchases (12 mo)",
      "Predicted CLV (12 mo)",
      "Tier",
      "Likely lost",
      "Recommended action",
    ]);
    await expect(cellText(page, "A3")).resolves.toBe("C00020");
    await expect(rowTexts(page, 3, "J", "L")).resolves.toEqual([
      "High",
      "Likely lost",
      "Win them back personally",
    ]);
    // Every written row (those the grid shows) agrees with itself: the tier's service only while active.
    const services = ["VIP service", "Personalised service (nurture)", "Basic service"];
    for (let row = 2; row <= 30; row++) {
      const [lost, action] = await rowTexts(page, row, "K", "L");
      if (lost === "Likely lost") expect(services).not.toContain(action);
      else expect(services).toContain(action);
    }
    // The legend says what each tier gets, active or likely lost (after M, kept for the Change column, and N).
    await expect(cellText(page, "O1")).resolves.toBe("Tier");
    await expect(cellText(page, "T2")).resolves.toBe(
      "VIP service; win back personally those likely lost"
    );
    expect(errors).toEqual([]);
  });
});
