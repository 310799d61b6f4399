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
