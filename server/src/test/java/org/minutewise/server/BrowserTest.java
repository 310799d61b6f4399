package org.minutewise.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The billers' page in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium): enter a visit
 * and see the units and a finding as you type, upload a file, look up a code. Skipped when /usr/bin/chromedriver is
 * missing (.ci/run installs it). A screenshot at 1366x768 goes to target/page.png (the lookup and search sections to
 * target/lookup.png and target/search.png).
 */
class BrowserTest {
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    static TestServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
                "headless Chromium is not installed (apt-get install chromium chromium-driver); browser tests skipped");
        server = TestServer.local(dir.resolve("data"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1366,768", "--user-data-dir=" + Files.createDirectories(dir.resolve("chrome")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openPage() {
        driver.get(server.base() + "/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#blocks tbody tr")));
    }

    private void set(WebElement e, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", e, value);
    }

    /** Types a visit id into the form. */
    private void visitId(String id) {
        WebElement box = driver.findElement(By.id("visit-id"));
        box.clear();
        box.sendKeys(id);
    }

    /** A visit of 2026-03-02 with its first block: {@code code} for {@code minutes}. */
    private void firstBlock(String code, String minutes) {
        set(driver.findElement(By.id("dos")), "2026-03-02");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys(code);
        first.findElement(By.className("b-minutes")).sendKeys(minutes);
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#blocks tbody tr"));
    }

    @Test
    void enteringAVisitShowsItsUnitsAndAFindingAsYouType() throws Exception {
        set(driver.findElement(By.id("dos")), "2026-03-02");
        visitId("V-BROWSER");
        driver.findElement(By.id("diagnoses")).sendKeys("I69.351, R26.81");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("97112");
        first.findElement(By.className("b-minutes")).sendKeys("24");
        first.findElement(By.className("b-provider")).sendKeys("T1");

        driver.findElement(By.id("add-block")).click();
        WebElement second = rows().get(1);
        assertThat(driver.switchTo().activeElement()).isEqualTo(second.findElement(By.className("b-code")));
        second.findElement(By.className("b-code")).sendKeys("97110");
        second.findElement(By.className("b-minutes")).sendKeys("23");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "3 units"));
        WebElement report = driver.findElement(By.id("report"));
        assertThat(report.findElement(By.cssSelector(".units-table tr[data-code='97112'] .units")).getText())
                .isEqualTo("2");
        assertThat(report.findElements(By.cssSelector(".claim-table tbody tr"))).hasSize(2);
        assertThat(report.findElement(By.cssSelector(".claim-table")).getText()).contains("GP");
        assertThat(report.findElements(By.cssSelector("ol.explanation li"))).isNotEmpty();

        // A third block by the keyboard: Alt+N, then an unknown code is a finding with its fix.
        rows().get(1).findElement(By.className("b-minutes")).sendKeys(Keys.chord(Keys.ALT, "n"));
        assertThat(rows()).hasSize(3);
        WebElement third = rows().get(2);
        third.findElement(By.className("b-code")).sendKeys("97999");
        third.findElement(By.className("b-minutes")).sendKeys("10");
        WebElement finding = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report li[data-id='MW-U001']")));
        assertThat(finding.findElement(By.className("finding-fix")).getText()).isNotBlank();
        assertThat(finding.findElement(By.className("finding-cite")).getText()).isNotBlank();

        // Overlapping times by start and end: the same minutes under two codes block the claim.
        set(rows().get(0).findElement(By.className("b-start")), "09:00");
        set(rows().get(0).findElement(By.className("b-end")), "09:24");
        set(rows().get(1).findElement(By.className("b-start")), "09:10");
        set(rows().get(1).findElement(By.className("b-end")), "09:33");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report li[data-id='MW-U003']")));
        assertThat(driver.findElement(By.cssSelector("#report .blocked-banner")).getText()).contains("blocking");

        Path png = Path.of("target", "page.png");
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#results').scrollTop = 10000;");
        File results = driver.findElement(By.id("results")).getScreenshotAs(OutputType.FILE);
        Files.copy(results.toPath(), Path.of("target", "results.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** RULES.md §4: therapy beside manipulation is decided by the regions typed in the Regions column. */
    @Test
    void regionsDecideManualTherapyBesideManipulation() {
        set(driver.findElement(By.id("dos")), "2026-03-02");
        set(driver.findElement(By.id("payer")), "commercial");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("98941");
        set(first.findElement(By.className("b-role")), "DC");
        first.findElement(By.className("b-regions")).sendKeys("lumbar; pelvic");
        driver.findElement(By.id("add-block")).click();
        WebElement second = rows().get(1);
        second.findElement(By.className("b-code")).sendKeys("97140");
        second.findElement(By.className("b-minutes")).sendKeys("15");
        set(second.findElement(By.className("b-role")), "DC");
        set(second.findElement(By.className("b-regions")), "upper-extremity");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report li[data-id='MW-E011']")));
        assertThat(driver.findElement(By.cssSelector("#report .claim-table")).getText()).containsPattern("59|XS");

        set(second.findElement(By.className("b-regions")), "lumbar");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#report li[data-id='MW-E009']")));
        assertThat(driver.findElement(By.cssSelector("#report .blocked-banner")).getText()).contains("blocking");

        set(second.findElement(By.className("b-regions")), "knee");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#report .problem")));
        assertThat(problem.getText()).contains("services[1].regions[0]");
        assertThat(second.findElement(By.className("b-regions")).getAttribute("class")).contains("invalid");
    }

    /**
     * A PT and an OT the same day: choosing the OT as who treated fills the row's plan in (OT), the next block keeps
     * it, and each discipline's minutes are counted on their own (20 and 20 minutes: 2 units, not 3; page review).
     * A start and the minutes give the end.
     */
    @Test
    void aPtAndAnOtTheSameDayAreCountedApart() {
        firstBlock("97110", "10");
        driver.findElement(By.id("add-block")).click();
        rows().get(1).findElement(By.className("b-code")).sendKeys("97116");
        rows().get(1).findElement(By.className("b-minutes")).sendKeys("10");
        driver.findElement(By.id("add-block")).click();
        WebElement third = rows().get(2);
        new org.openqa.selenium.support.ui.Select(third.findElement(By.className("b-role"))).selectByValue("OT");
        assertThat(third.findElement(By.className("b-plan")).getAttribute("value")).isEqualTo("OT");
        third.findElement(By.className("b-code")).sendKeys("97535");
        third.findElement(By.className("b-minutes")).sendKeys("10");
        driver.findElement(By.id("add-block")).click();
        WebElement fourth = rows().get(3);
        assertThat(fourth.findElement(By.className("b-plan")).getAttribute("value")).isEqualTo("OT");
        // The filled-in plan follows a changed mind about who treated (back to PT: the visit's plan), then OT again.
        org.openqa.selenium.support.ui.Select who = new org.openqa.selenium.support.ui.Select(
                fourth.findElement(By.className("b-role")));
        who.selectByValue("PT");
        assertThat(fourth.findElement(By.className("b-plan")).getAttribute("value")).isEmpty();
        who.selectByValue("OT");
        assertThat(fourth.findElement(By.className("b-plan")).getAttribute("value")).isEqualTo("OT");
        fourth.findElement(By.className("b-code")).sendKeys("97530");
        fourth.findElement(By.className("b-minutes")).sendKeys("10");
        set(fourth.findElement(By.className("b-start")), "10:00");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "2 units"));
        assertThat(driver.findElement(By.cssSelector("#report .claim-table")).getText()).contains("GO")
                .contains("GP");
        assertThat(driver.findElements(By.cssSelector("#report .problem"))).isEmpty();

        // Supervised time on row 4: a warning whose place is the form's row, not the JSON path.
        new org.openqa.selenium.support.ui.Select(fourth.findElement(By.className("b-mode"))).selectByValue("supervised");
        WebElement g003 = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report li[data-id='MW-G003']")));
        assertThat(g003.findElement(By.className("finding-path")).getText()).isEqualTo("row 4, mode");
        assertThat(g003.findElement(By.className("finding-path")).getAttribute("title")).isEqualTo("services[3].mode");
    }

    /** An ABN entered on the page reaches the claim: GA on Medicare's lines (a biller's review: no field for it). */
    @Test
    void anAbnEnteredOnThePagePutsGaOnTheClaim() {
        firstBlock("97110", "30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "2 units"));
        assertThat(driver.findElement(By.cssSelector("#report .claim-table")).getText()).doesNotContain("GA");
        set(driver.findElement(By.id("abn")), "true");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .claim-table"), "GA"));
        set(driver.findElement(By.id("abn")), "");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#report .claim-table"), "GA")));
    }

    /** The certifying physician's NPI: asked for when missing (MW-P004), checked, marked when wrong. */
    @Test
    void theCertifyingPhysiciansNpiIsAskedForAndChecked() {
        firstBlock("97110", "30");
        set(driver.findElement(By.id("cert-from")), "2026-02-16");
        set(driver.findElement(By.id("cert-to")), "2026-05-16");
        set(driver.findElement(By.id("cert-physician")), "Dr. Maria Chen");
        WebElement p004 = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report li[data-id='MW-P004']")));
        // The fix names the form's field, not the JSON's (page review).
        assertThat(p004.findElement(By.className("finding-fix")).getText()).contains("\u201cCertifying physician's NPI\u201d")
                .doesNotContain("certification.physicianNpi");

        set(driver.findElement(By.id("cert-npi")), "1287654320");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#report .problem")));
        assertThat(problem.getText()).contains("certification.physicianNpi");
        assertThat(driver.findElement(By.id("cert-npi")).getAttribute("class")).contains("invalid");

        set(driver.findElement(By.id("cert-npi")), "1287654325");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "2 units"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#report li[data-id='MW-P004']")));
        assertThat(driver.findElements(By.cssSelector("#report .problem"))).isEmpty();
    }

    @Test
    void aBadValueIsNamedAndMarked() {
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("97112");
        first.findElement(By.className("b-minutes")).sendKeys("2000");
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#report .problem")));
        assertThat(problem.getText()).contains("service row 1, minutes (services[0].minutes)");
        assertThat(first.findElement(By.className("b-minutes")).getAttribute("class")).contains("invalid");
        assertThat(first.findElement(By.className("b-minutes")).getAttribute("aria-invalid")).isEqualTo("true");
        // An end before its start marks the End box, not the Start box, and says so in the form's words.
        set(first.findElement(By.className("b-minutes")), "");
        set(first.findElement(By.className("b-start")), "10:30");
        set(first.findElement(By.className("b-end")), "10:05");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .problem"),
                "service row 1, end time"));
        assertThat(first.findElement(By.className("b-end")).getAttribute("class")).contains("invalid");
        assertThat(first.findElement(By.className("b-start")).getAttribute("class")).doesNotContain("invalid");
    }

    /**
     * A warning of a saved visit is accepted with the clinic's reason from the page, and the saved visit opens again
     * (form and result) after a reload, by its id.
     */
    @Test
    void aWarningIsAcceptedWithAReasonAndTheSavedVisitOpensAgain() {
        set(driver.findElement(By.id("dos")), "2026-03-02");
        set(driver.findElement(By.id("diagnoses")), "R26.81");
        visitId("V-OPEN");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("97110");
        first.findElement(By.className("b-minutes")).sendKeys("30");
        set(first.findElement(By.className("b-start")), "09:00");
        set(first.findElement(By.className("b-end")), "09:38");
        driver.findElement(By.id("save")).click();
        WebElement accept = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#report li[data-id='MW-U002'] button.accept")));
        accept.click();
        org.openqa.selenium.Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("The 30 is a typo; the times are right.");
        prompt.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(
                "#report li[data-id='MW-U002'] .finding-override"), "typo"));
        assertThat(driver.findElement(By.id("save-status")).getText()).contains("Accepted MW-U002");

        openPage();
        visitId("V-OPEN");
        driver.findElement(By.id("open-visit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Opened V-OPEN"));
        assertThat(rows().get(0).findElement(By.className("b-code")).getAttribute("value")).isEqualTo("97110");
        assertThat(rows().get(0).findElement(By.className("b-end")).getAttribute("value")).isEqualTo("09:38");
        assertThat(driver.findElement(By.cssSelector("#report li[data-id='MW-U002'] .finding-override")).getText())
                .contains("typo");
        // An id the store does not have is said, not a blank form.
        visitId("V-NOT-SAVED");
        driver.findElement(By.id("open-visit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Not opened"));
        assertThat(driver.findElement(By.cssSelector("#report .problem")).getText()).contains("V-NOT-SAVED");
    }

    /**
     * A saved visit with what the form has no box for (claim data, the clinicians' NPIs, a line's charge) is opened,
     * edited and saved again: those fields are kept, not dropped by the form.
     */
    @Test
    void anOpenedVisitKeepsWhatTheFormDoesNotShow() {
        assertThat(server.postJson("/api/v1/visits", TestServer.example("claim-visit.json")).status()).isEqualTo(201);
        visitId("V-2001");
        driver.findElement(By.id("open-visit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Opened V-2001"));
        WebElement minutes = rows().get(0).findElement(By.className("b-minutes"));
        minutes.clear();
        minutes.sendKeys("25");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved V-2001"));
        com.fasterxml.jackson.databind.JsonNode saved = server.get("/api/v1/visits/V-2001").json().get("visit");
        assertThat(saved.get("services").get(0).get("minutes").asInt()).isEqualTo(25);
        assertThat(saved.get("services").get(0).get("provider").get("npi").asText()).isEqualTo("1245319599");
        assertThat(saved.get("billingProvider").get("npi").asText()).isEqualTo("1234567893");
        assertThat(saved.get("subscriber").get("memberId").asText()).isEqualTo("1EG4TE5MK73");
        assertThat(saved.get("patient").get("birthDate").asText()).isEqualTo("1948-05-01");
        assertThat(saved.get("certification").get("physicianNpi").asText()).isEqualTo("1287654325");
    }

    /**
     * A saved visit's result stays on screen: the check the Save click's blur scheduled does not replace it (the
     * saved result knows what a check alone does not: here the therapist's overlap with a visit saved before,
     * MW-A001). The printed result carries what the claim lines need beside them: date, diagnoses, who treated.
     */
    @Test
    void theSavedResultStaysAndThePrintoutNamesTheVisit() {
        set(driver.findElement(By.id("dos")), "2026-03-02");
        set(driver.findElement(By.id("diagnoses")), "I69.351, R26.81");
        set(driver.findElement(By.id("patient-id")), "P-BR1");
        set(driver.findElement(By.id("total-minutes")), "30");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("97110");
        set(first.findElement(By.className("b-start")), "09:00");
        set(first.findElement(By.className("b-end")), "09:30");
        first.findElement(By.className("b-provider")).sendKeys("T7");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved"));
        // A second patient in the same minutes with the same therapist, typed and saved at once.
        visitId("V-BR2");
        set(driver.findElement(By.id("patient-id")), "P-BR2");
        set(first.findElement(By.className("b-start")), "09:10");
        WebElement end = first.findElement(By.className("b-end"));
        set(end, "09:40");
        end.click();
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved V-BR2"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#report li[data-id='MW-A001']")));
        try {
            Thread.sleep(1500); // past the live check's debounce: a check scheduled by the click would have shown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(driver.findElements(By.cssSelector("#report li[data-id='MW-A001']"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#report .blocked-banner")).getText()).contains("blocking");
        String printed = (String) ((JavascriptExecutor) driver).executeScript(
                "return document.querySelector('#report .visit-summary').textContent;");
        assertThat(printed).contains("date of service 2026-03-02").contains("1. I69.351; 2. R26.81")
                .contains("PT T7").contains("09:10-09:40").contains("Total treatment time 30 minutes");
        // Editing again: the save message no longer stands.
        first.findElement(By.className("b-minutes")).sendKeys("1");
        assertThat(driver.findElement(By.id("save-status")).getText()).isEmpty();
    }

    /**
     * The first block's clinician follows the plan of care (an OT plan, an OT: a PT under it blocks); the status a
     * screen reader hears is the gist (units, what blocks), not the whole report again.
     */
    @Test
    void theFirstBlockFollowsThePlanAndTheStatusSaysTheGist() {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("plan"))).selectByVisibleText("OT");
        WebElement first = rows().get(0);
        assertThat(new org.openqa.selenium.support.ui.Select(first.findElement(By.className("b-role")))
                .getFirstSelectedOption().getText()).isEqualTo("OT");
        first.findElement(By.className("b-code")).sendKeys("97530");
        first.findElement(By.className("b-minutes")).sendKeys("30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-status"), "2 units"));
        assertThat(driver.findElement(By.id("check-status")).getAttribute("role")).isEqualTo("status");
        assertThat(driver.findElement(By.id("results")).getAttribute("aria-live")).isNull();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** window.confirm answers {@code answer} and keeps what it asked in window.__asked (no dialog). */
    private void confirmAnswers(boolean answer) {
        js("window.__asked = []; window.confirm = (m) => { window.__asked.push(m); return " + answer + "; };");
    }

    @SuppressWarnings("unchecked")
    private List<String> asked() {
        return (List<String>) js("return window.__asked || [];");
    }

    /**
     * The service does not answer a check (a therapist's review: the old "3 units ... Nothing blocks the claim" stayed
     * as if current after the minutes changed): the old result is greyed under a "Not checked" banner, Print asks
     * first, and the next answer takes the banner away.
     */
    @Test
    void aCheckTheServiceDoesNotAnswerLeavesTheOldResultMarkedNotCurrent() {
        firstBlock("97110", "30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "2 units"));
        assertThat(driver.findElements(By.cssSelector("#report .stale-banner"))).isEmpty();
        js("window.__fetch = window.fetch; window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));");
        set(rows().get(0).findElement(By.className("b-minutes")), "7");
        WebElement banner = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#report .stale-banner")));
        assertThat(banner.getText()).contains("Not checked").contains("did not answer")
                .contains("earlier entries");
        assertThat(banner.getAttribute("role")).isEqualTo("alert");
        assertThat(driver.findElement(By.id("report")).getAttribute("class")).contains("stale");
        assertThat(driver.findElement(By.id("check-status")).getText()).contains("not checked");
        // Print asks first; declined, nothing is printed.
        confirmAnswers(false);
        js("window.__printed = 0; window.print = () => { window.__printed++; };");
        driver.findElement(By.id("print")).click();
        assertThat(asked()).singleElement().asString().contains("earlier entries");
        assertThat(((Number) js("return window.__printed;")).intValue()).isZero();

        js("window.fetch = window.__fetch;");
        set(rows().get(0).findElement(By.className("b-minutes")), "8");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "1 unit "));
        assertThat(driver.findElements(By.cssSelector("#report .stale-banner"))).isEmpty();
        assertThat(driver.findElement(By.id("report")).getAttribute("class")).doesNotContain("stale");
        driver.findElement(By.id("print")).click();
        assertThat(((Number) js("return window.__printed;")).intValue()).isEqualTo(1);
    }

    /**
     * Minutes in a row without a code (the review: 23 minutes vanished and the page said "Nothing blocks the claim",
     * and Save stored the visit without them): said at the row, the check says it is not complete, Save refuses.
     */
    @Test
    void minutesWithoutACodeAreSaidAtTheRowAndNotSaved() {
        visitId("V-NOCODE");
        firstBlock("97112", "15");
        assertThat(rows().get(0).findElement(By.className("b-code")).getAttribute("placeholder")).startsWith("e.g.");
        driver.findElement(By.id("add-block")).click();
        rows().get(1).findElement(By.className("b-minutes")).sendKeys("23");
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#block-errors .field-error")));
        assertThat(message.getText()).isEqualTo("Row 2: a code is needed for these 23 minutes");
        WebElement code = rows().get(1).findElement(By.className("b-code"));
        assertThat(code.getAttribute("class")).contains("invalid");
        assertThat(code.getAttribute("aria-describedby")).contains(message.getAttribute("id"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "Not complete"));
        assertThat(driver.findElement(By.cssSelector("#report .summary-line")).getText())
                .doesNotContain("Nothing blocks");

        driver.findElement(By.id("save")).click();
        assertThat(driver.findElement(By.id("save-status")).getText()).startsWith("Not saved")
                .contains("a code is needed for these 23 minutes");
        assertThat(server.get("/api/v1/visits/V-NOCODE").status()).isEqualTo(404);

        // Near miss: with its code the row is a service and the visit is clear to save.
        code.sendKeys("97110");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "38 timed minutes"));
        assertThat(driver.findElement(By.cssSelector("#report .summary-line")).getText())
                .doesNotContain("Not complete");
        assertThat(driver.findElements(By.cssSelector(".field-error"))).isEmpty();
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved V-NOCODE"));
    }

    /**
     * New visit starts another visit (a fresh id, the visit's entries cleared, the clinician kept); saving a saved
     * visit again with another date of service asks first (the review: it became version 2 of the same visit).
     */
    @Test
    void newVisitStartsAFreshIdAndMovingASavedVisitsDateIsAskedFirst() {
        visitId("V-NEXT1");
        set(driver.findElement(By.id("patient-id")), "P-NEXT1");
        set(driver.findElement(By.id("diagnoses")), "M17.11");
        firstBlock("97110", "30");
        rows().get(0).findElement(By.className("b-provider")).sendKeys("T3");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved V-NEXT1"));

        set(driver.findElement(By.id("dos")), "2026-03-03");
        confirmAnswers(false);
        driver.findElement(By.id("save")).click();
        assertThat(asked()).singleElement().asString().contains("V-NEXT1")
                .contains("date of service from 2026-03-02 to 2026-03-03").contains("New visit");
        assertThat(driver.findElement(By.id("save-status")).getText()).startsWith("Not saved");
        assertThat(server.get("/api/v1/visits/V-NEXT1/history").json().get("versions")).hasSize(1);

        driver.findElement(By.id("new-visit")).click();
        String id = driver.findElement(By.id("visit-id")).getAttribute("value");
        assertThat(id).startsWith("V-20260303-").isNotEqualTo("V-NEXT1");
        assertThat(driver.findElement(By.id("patient-id")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("diagnoses")).getAttribute("value")).isEmpty();
        assertThat(driver.findElement(By.id("dos")).getAttribute("value")).isEqualTo("2026-03-03");
        assertThat(rows()).hasSize(1);
        assertThat(rows().get(0).findElement(By.className("b-code")).getAttribute("value")).isEmpty();
        assertThat(rows().get(0).findElement(By.className("b-provider")).getAttribute("value")).isEqualTo("T3");
        assertThat(driver.findElement(By.id("save-status")).getText()).contains("New visit " + id);

        // The next visit saves as its own, without a question; the first keeps its date.
        set(driver.findElement(By.id("patient-id")), "P-NEXT2");
        rows().get(0).findElement(By.className("b-code")).sendKeys("97112");
        rows().get(0).findElement(By.className("b-minutes")).sendKeys("25");
        confirmAnswers(true);
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved " + id
                + " as version 1"));
        assertThat(asked()).isEmpty();
        assertThat(server.get("/api/v1/visits/V-NEXT1").json().get("visit").get("dateOfService").asText())
                .isEqualTo("2026-03-02");
    }

    /**
     * The live preview of a known patient counts the spend the store holds (the review: "97110 GP 2 ... Nothing
     * blocks" while typing, KX and MW-K001 only after Save); a patient the store does not know has none.
     */
    @Test
    void thePreviewOfAKnownPatientCountsTheSavedSpend() {
        String saved = ApiTest.visit("V-KXB1", "P-KXB", "TK8", "09:00", "09:38").replace(
                "\"patient\":{\"id\":\"P-KXB\"}", "\"patient\":{\"id\":\"P-KXB\",\"yearToDate\":{\"PT_SLP\":2470.00}}");
        assertThat(server.postJson("/api/v1/visits", saved).status()).isEqualTo(201);
        visitId("V-KXB2");
        set(driver.findElement(By.id("patient-id")), "P-KXB");
        firstBlock("97110", "30");
        set(driver.findElement(By.id("dos")), "2026-04-08");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .claim-table"), "KX"));
        assertThat(driver.findElements(By.cssSelector("#report li[data-id='MW-K001']"))).isNotEmpty();
        assertThat(driver.findElement(By.cssSelector("#report .ytd-source")).getText()).contains("P-KXB");

        set(driver.findElement(By.id("patient-id")), "P-KXB-OTHER");
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#report .claim-table"), "KX")));
        assertThat(driver.findElements(By.cssSelector("#report li[data-id='MW-K001']"))).isEmpty();
    }

    /**
     * A bad entry is said under its field in the form's words, tied to it by aria-describedby (the review: only in
     * the Results panel, out of sight at 768 px, as "Where: dateOfService" and "services[0].periods[0].end").
     */
    @Test
    void aBadEntryIsSaidUnderItsFieldInTheFormsWords() {
        firstBlock("97110", "20");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "1 unit"));
        set(driver.findElement(By.id("dos")), "");
        WebElement dos = driver.findElement(By.id("dos"));
        WebElement message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#dos + .field-error")));
        assertThat(message.getText()).startsWith("Date of service: this is needed").doesNotContain("dateOfService");
        assertThat(dos.getAttribute("aria-describedby")).isEqualTo(message.getAttribute("id"));
        assertThat(driver.findElement(By.cssSelector("#report .problem")).getText()).contains("Date of service");
        set(dos, "2026-03-02");

        set(driver.findElement(By.id("diagnoses")), "M17.11, 1234");
        message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#diagnoses + .field-error")));
        assertThat(message.getText()).startsWith("Diagnoses, code 2: ").contains("1234");
        set(driver.findElement(By.id("diagnoses")), "M17.11");

        // A start time alone: the end time is needed (not "must not be empty").
        WebElement minutes = rows().get(0).findElement(By.className("b-minutes"));
        set(minutes, "");
        set(rows().get(0).findElement(By.className("b-start")), "10:00");
        message = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#block-errors .field-error")));
        assertThat(message.getText()).isEqualTo("Row 1, end time: the end time is needed (or leave both times "
                + "empty and type the minutes)");
        assertThat(rows().get(0).findElement(By.className("b-end")).getAttribute("aria-describedby"))
                .isEqualTo(message.getAttribute("id"));
        set(rows().get(0).findElement(By.className("b-start")), "");

        // "15-" in Minutes: the browser cannot read it; said as such, not as the API's "billed".
        minutes.sendKeys("15-");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#block-errors"),
                "Row 1: minutes must be a whole number"));
        assertThat(minutes.getAttribute("class")).contains("invalid");
        assertThat(driver.findElement(By.id("block-errors")).getText()).doesNotContain("billed");
        assertThat(driver.findElement(By.id("check-status")).getText()).doesNotContain("nothing blocks");
    }

    /**
     * Copy explanation puts plain text on the clipboard for an appeal: the visit, its diagnoses, each claim line with
     * its modifiers apart, the unit method with its citation, each finding with id, severity, fix and citation; not
     * the page's buttons. On the page too the modifiers have spaces between them (the review: "GPCQGA").
     */
    @Test
    void copyExplanationPutsTheResultAsPlainTextOnTheClipboard() {
        visitId("V-COPY");
        set(driver.findElement(By.id("patient-id")), "P-COPY");
        set(driver.findElement(By.id("diagnoses")), "M17.11, R26.81");
        set(driver.findElement(By.id("abn")), "true");
        firstBlock("97110", "30");
        WebElement first = rows().get(0);
        set(first.findElement(By.className("b-role")), "PTA");
        first.findElement(By.className("b-provider")).sendKeys("A1");
        first.findElement(By.className("b-supervisor")).sendKeys("T1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .claim-table"), "CQ"));
        assertThat(js("return document.querySelector('#report .claim-table tbody td:nth-child(2)').textContent;"))
                .isEqualTo("GP CQ GA");
        driver.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Saved V-COPY"));
        js("window.__copied = null; Object.defineProperty(navigator, 'clipboard', {configurable: true, value: "
                + "{writeText: (t) => { window.__copied = t; return Promise.resolve(); }}});");
        driver.findElement(By.cssSelector("#report button.copy-explanation")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .copy-status"),
                "Copied"));
        String text = (String) js("return window.__copied;");
        assertThat(text).contains("Visit V-COPY, date of service 2026-03-02, payer medicare, plan of care PT, "
                + "patient P-COPY.").contains("Diagnoses: 1. M17.11; 2. R26.81.")
                .contains("\n97110 GP CQ GA x 2 (diagnosis 1,2;")
                .contains("CMS total-time method").contains("[CMS Pub 100-04 ch. 5 \u00a720.2]")
                .containsPattern("\nMW-P\\d{3} \\((warn|info|block)[^)]*\\): ")
                .contains("\n  Fix: ").contains("\n  Citation: ")
                .doesNotContain("Accept with a reason").doesNotContain("<");
    }

    /**
     * The service blocks fit (the review: the 785 px table was cut in its card at 1280-1366 px, and at 768 px the
     * whole page scrolled sideways through the hidden "Remove" header).
     */
    @Test
    void theBlocksFitAndNothingScrollsSideways() {
        try {
            for (int width : new int[] {768, 1280, 1366}) {
                driver.manage().window().setSize(new Dimension(width, 800));
                openPage();
                @SuppressWarnings("unchecked")
                java.util.Map<String, Number> m = (java.util.Map<String, Number>) js(
                        "const f = document.querySelector('.blocks-set'), t = document.getElementById('blocks');"
                        + "const x = document.querySelector('#blocks tbody button.remove').getBoundingClientRect();"
                        + "return {inner: window.innerWidth, scroll: document.documentElement.scrollWidth,"
                        + " table: t.scrollWidth, box: f.clientWidth, removeRight: x.right,"
                        + " boxRight: f.getBoundingClientRect().right};");
                assertThat(m.get("scroll").doubleValue()).as("page width at %d: %s", width, m)
                        .isLessThanOrEqualTo(m.get("inner").doubleValue());
                assertThat(m.get("table").doubleValue()).as("table at %d: %s", width, m)
                        .isLessThanOrEqualTo(m.get("box").doubleValue());
                assertThat(m.get("removeRight").doubleValue()).as("remove button at %d: %s", width, m)
                        .isLessThanOrEqualTo(m.get("boxRight").doubleValue());
            }
        } finally {
            driver.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /** WCAG 2.1 relative luminance of "rgb(r, g, b)". */
    private static double luminance(String rgb) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+), (\\d+), (\\d+)").matcher(rgb);
        assertThat(m.find()).as(rgb).isTrue();
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(m.group(i + 1)) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    private static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /**
     * The focus ring is 3:1 at least against white and the page's grey, and stands off a blue button with a white gap
     * (the review: #8fb3ee was about 2.1:1 on white).
     */
    @Test
    void theFocusRingStandsOutOnWhiteAndOnTheBlueButtons() {
        for (String id : new String[] {"save", "visit-id"}) {
            js("document.getElementById(arguments[0]).focus();", id);
            @SuppressWarnings("unchecked")
            java.util.Map<String, String> st = (java.util.Map<String, String>) js(
                    "const s = getComputedStyle(document.activeElement);"
                    + "return {ring: s.outlineColor, offset: s.outlineOffset, shadow: s.boxShadow, fill: s.backgroundColor,"
                    + " page: getComputedStyle(document.body).backgroundColor};");
            assertThat(contrast(st.get("ring"), "rgb(255, 255, 255)")).as("%s: %s", id, st).isGreaterThanOrEqualTo(3);
            assertThat(contrast(st.get("ring"), st.get("page"))).as("%s: %s", id, st).isGreaterThanOrEqualTo(3);
            // Off the control, with a white gap between: the ring never lies on the button's blue.
            assertThat(Double.parseDouble(st.get("offset").replace("px", ""))).isGreaterThanOrEqualTo(2);
            assertThat(st.get("shadow")).contains("rgb(255, 255, 255)");
            assertThat(contrast("rgb(255, 255, 255)", st.get("fill")) >= 3 || contrast(st.get("ring"), st.get("fill")) >= 3)
                    .as("%s: %s", id, st).isTrue();
        }
    }

    /**
     * A finding's place is the note's phrase, not its offsets (MW-D014's "note[75:89]"), and every row it is about
     * (MW-D007 about 97112 and 97110 named only row 1).
     */
    @Test
    void aFindingSaysThePhraseAndEveryRowItIsAbout() {
        firstBlock("97112", "15");
        driver.findElement(By.id("add-block")).click();
        rows().get(1).findElement(By.className("b-code")).sendKeys("97110");
        rows().get(1).findElement(By.className("b-minutes")).sendKeys("15");
        set(driver.findElement(By.id("note")), "Balance training and therapeutic exercise. Patient tolerated "
                + "treatment well.");
        WebElement d007 = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report li[data-id='MW-D007']")));
        assertThat(d007.findElement(By.className("finding-path")).getText()).isEqualTo("rows 1 and 2");
        WebElement d014 = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#report li[data-id='MW-D014']")));
        assertThat(d014.findElement(By.className("finding-path")).getText()).startsWith("the note: \u201c")
                .doesNotContain("note[");
        assertThat(d014.findElement(By.className("finding-message")).getText()).doesNotContain("note[");
    }

    @Test
    void userTextIsShownAsTextNeverAsMarkup() {
        visitId("<img src=x onerror=alert(1)>");
        WebElement first = rows().get(0);
        first.findElement(By.className("b-code")).sendKeys("97112");
        first.findElement(By.className("b-minutes")).sendKeys("30");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#report .summary-line"),
                "<img src=x onerror=alert(1)>"));
        assertThat(driver.findElements(By.cssSelector("#report img"))).isEmpty();
    }

    @Test
    void uploadingAFileShowsTheCheckOfEachVisit() throws Exception {
        Path file = dir.resolve("two-visits.json");
        Files.writeString(file, "[" + TestServer.example("stroke-visit.json") + ","
                + TestServer.example("overlap-visit.json") + "]");
        driver.findElement(By.id("upload-file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-results .result"), 2));
        assertThat(driver.findElement(By.cssSelector("#upload-results .summary-line")).getText())
                .contains("2 visits checked");
        assertThat(driver.findElements(By.cssSelector("#upload-results li[data-id='MW-U003']"))).hasSize(1);

        // An X12 claim file (an 837P and an 837I group) is recognised by its ISA header.
        Path edi = Path.of("..", "formats", "src", "test", "resources", "x12", "write", "batch-mixed.edi");
        driver.findElement(By.id("upload-file")).sendKeys(edi.toAbsolutePath().normalize().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#upload-results .summary-line"),
                "3 visits checked"));
        assertThat(driver.findElements(By.cssSelector("#upload-results li[data-id='MW-B001']"))).isNotEmpty();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithWhereNotAlteredAndChecked() throws Exception {
        // A Latin-1 "Peña" in the note: the byte 0xF1 is not UTF-8 (file.text() would have made it U+FFFD).
        String visit = TestServer.example("stroke-visit.json").replaceFirst("\"note\"\\s*:\\s*\"",
                "\"note\": \"Pe\u00f1a ");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, visit.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        int at = new String(Files.readAllBytes(latin1), java.nio.charset.StandardCharsets.ISO_8859_1).indexOf('\u00f1');
        driver.findElement(By.id("upload-file")).sendKeys(latin1.toAbsolutePath().toString());
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#upload-results .problem")));
        assertThat(problem.getText()).contains("latin1.json, line ").contains("not valid UTF-8 at byte " + (at + 1)
                + " of the file (0xF1)").contains("must be UTF-8");
        assertThat(driver.findElements(By.cssSelector("#upload-results .result"))).isEmpty();

        // Near miss: the same visit saved as UTF-8 is checked.
        Path utf8 = dir.resolve("utf8.json");
        Files.write(utf8, visit.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.findElement(By.id("upload-file")).sendKeys(utf8.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#upload-results .summary-line"),
                "1 visit checked"));
        assertThat(driver.findElements(By.cssSelector("#upload-results .problem"))).isEmpty();
    }

    @Test
    void aCodeIsLookedUp() {
        WebElement q = driver.findElement(By.id("code-query"));
        q.sendKeys("97112", Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card")));
        assertThat(card.getText()).contains("97112").contains("timed");
        assertThat(card.findElement(By.cssSelector(".card-sources")).getText()).contains("RULES.md");
    }

    /** Any card id, not only a CPT/HCPCS code: a modifier's card with its facts and sources (the old /codes said 400). */
    @Test
    void aModifierIsLookedUpAsACard() {
        WebElement q = driver.findElement(By.id("code-query"));
        assertThat(driver.findElement(By.cssSelector("label[for='code-query']")).getText()).isNotBlank();
        q.sendKeys("GP", Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card[data-id='GP']")));
        assertThat(card.findElement(By.tagName("h3")).getText()).startsWith("GP").contains("MODIFIER");
        assertThat(card.findElements(By.cssSelector(".card-topic li"))).isNotEmpty();
        assertThat(card.findElement(By.cssSelector(".card-sources")).getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#code-result .problem"))).isEmpty();
    }

    /** A code's pairs and unit limit are on its card; 97014's Medicare note names G0283. */
    @Test
    void aCodesCardShowsItsPairsLimitsAndPayerNotes() {
        driver.findElement(By.id("code-query")).sendKeys("97140", Keys.ENTER);
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card[data-id='97140']")));
        assertThat(card.findElement(By.cssSelector("[data-topic='ncci-pairs']")).getText()).contains("97530");
        WebElement q = driver.findElement(By.id("code-query"));
        q.clear();
        q.sendKeys("97014", Keys.ENTER);
        card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card[data-id='97014']")));
        assertThat(card.getText()).contains("G0283");
    }

    /** An unknown id gets the nearest cards, each a button that looks it up (by the keyboard too). */
    @Test
    void anUnknownIdSuggestsTheNearestCards() {
        driver.findElement(By.id("code-query")).sendKeys("9711", Keys.ENTER);
        WebElement near = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .not-found")));
        assertThat(near.getText()).contains("9711: not in the Minutewise knowledge base").contains("Nearest:");
        WebElement suggestion = near.findElement(By.cssSelector("button.card-link[data-card='97112']"));
        suggestion.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card[data-id='97112']")));
        assertThat(driver.findElement(By.id("code-query")).getAttribute("value")).isEqualTo("97112");
    }

    /** Words are not an id: said so, with a button that searches them. */
    @Test
    void wordsInTheLookupBoxOfferASearch() {
        driver.findElement(By.id("code-query")).sendKeys("neuro re-ed", Keys.ENTER);
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .problem")));
        assertThat(problem.getText()).contains("is not a code");
        problem.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#search-result li[data-id='97112']")));
    }

    /** The search box takes therapists' words and typos; a result's id opens its card. */
    @Test
    void aSearchInTherapistsWordsFindsTheCode() throws Exception {
        WebElement q = driver.findElement(By.id("search-query"));
        assertThat(driver.findElement(By.cssSelector("label[for='search-query']")).getText()).isNotBlank();
        q.sendKeys("neuro re-ed", Keys.ENTER);
        WebElement first = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#search-result ol.cards li")));
        assertThat(first.getAttribute("data-id")).isEqualTo("97112");
        assertThat(first.findElement(By.className("card-summary")).getText()).isNotBlank();
        first.findElement(By.cssSelector("button.card-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#code-result .code-card[data-id='97112']")));
        // For a person to look at: the lookup and the search as they are shown.
        for (String section : new String[] {"lookup", "search"}) {
            File shot = driver.findElement(By.id(section)).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), Path.of("target", section + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        // A typo still finds it; nonsense says so.
        q.clear();
        q.sendKeys("neuromuscular reeducaton", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#search-result li[data-id='97112']")));
        q.clear();
        q.sendKeys("zzzzqqq", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#search-result .summary-line"),
                "No card matches"));
        assertThat(driver.findElements(By.cssSelector("#search-result li"))).isEmpty();
    }

    /** A card's text is text: a search for markup shows it as typed, never as an element. */
    @Test
    void searchTextIsShownAsTextNeverAsMarkup() {
        driver.findElement(By.id("search-query")).sendKeys("<img src=x onerror=alert(1)>", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-result p, #search-result .problem")));
        assertThat(driver.findElements(By.cssSelector("#search img"))).isEmpty();
        driver.findElement(By.id("code-query")).sendKeys("<b>x</b>", Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#code-result .problem")));
        assertThat(driver.findElements(By.cssSelector("#code-result .problem b"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector("#code-result .problem")).getText()).contains("<b>x</b>");
    }

    @Test
    void aCodingQuestionIsAnsweredWithItsSource() {
        WebElement q = driver.findElement(By.id("ask-query"));
        q.sendKeys("which code for group therapy", Keys.ENTER);
        WebElement answer = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                "#ask-result .answer")));
        assertThat(answer.getText()).isNotBlank();
        assertThat(driver.findElement(By.cssSelector("#ask-result .cards")).getText()).contains("97150");
    }
}
