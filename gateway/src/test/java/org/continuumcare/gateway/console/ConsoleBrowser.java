package org.continuumcare.gateway.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium driven through Debian's chromedriver (never a downloaded browser). When
 * either is missing the browser tests are skipped with a message, or fail with it when {@code
 * -Dconsole.browser.required=true} (CI, after installing them). axe-core (pinned, fetched by the
 * build into {@code target/test-classes/browser/}) is injected into pages on demand.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final String REQUIRED = "console.browser.required";
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private static final List<String> BROWSERS =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final List<String> DRIVERS =
      List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  final WebDriver driver;
  final WebDriverWait wait;

  private ConsoleBrowser(WebDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  /** Starts headless chromium, or skips / fails the calling test with why it cannot. */
  static ConsoleBrowser start() {
    Optional<Path> browser = find("CHROME_BIN", BROWSERS);
    Optional<Path> chromedriver = find("CHROMEDRIVER", DRIVERS);
    if (browser.isEmpty() || chromedriver.isEmpty()) {
      String message =
          "Console browser tests need Debian's chromium and chromedriver"
              + " (apt-get install -y chromium chromium-driver); missing: "
              + (browser.isEmpty() ? "chromium (" + BROWSERS + ", or CHROME_BIN) " : "")
              + (chromedriver.isEmpty() ? "chromedriver (" + DRIVERS + ", or CHROMEDRIVER)" : "");
      if (Boolean.getBoolean(REQUIRED)) {
        Assertions.fail(message + ". -D" + REQUIRED + "=true makes this a failure.");
      }
      Assumptions.abort(message + ". Skipped (set -D" + REQUIRED + "=true to fail instead).");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.get().toFile());
    options.addArguments(
        "--headless=new",
        // Chromium refuses to run as root with its sandbox; CI runs as root.
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.get().toFile())
            .usingAnyFreePort()
            .build();
    return new ConsoleBrowser(new ChromeDriver(service, options));
  }

  private static Optional<Path> find(String variable, List<String> candidates) {
    String configured = System.getenv(variable);
    return Stream.concat(Stream.ofNullable(configured), candidates.stream())
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst();
  }

  WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Signs in on the issuer's form, starting from the console's sign-in page. */
  void signIn(String baseUrl, String user, String password) {
    driver.get(baseUrl + "/console/");
    await(By.id("sign-in")).click();
    await(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("[type=submit]")).click();
    await(By.id("sign-out"));
  }

  /**
   * Signs out and waits for the page the issuer's logout redirects back to: the page signed out
   * from may show its sign-in view before the logout has reached the issuer, and a click there
   * would race the logout.
   */
  void signOut() {
    WebElement signedIn = driver.findElement(By.tagName("html"));
    await(By.id("sign-out")).click();
    wait.until(ExpectedConditions.stalenessOf(signedIn));
    await(By.id("sign-in"));
  }

  /** Goes to a page through the navigation (a fresh render). */
  void open(String page) {
    await(By.id("nav-" + page)).click();
    wait.until(d -> d.findElements(By.xpath("//main//p[text()='Loading…']")).isEmpty());
  }

  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's serious and critical violations on the current page, one line each. */
  @SuppressWarnings("unchecked")
  List<String> seriousAccessibilityViolations() {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript(axeSource());
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, { resultTypes: ['violations'] })"
                + ".then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    return (List<String>) result;
  }

  private static String axeSource() {
    try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/browser/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException(
            "target/test-classes/browser/axe.min.js is missing: the build fetches axe-core"
                + " (gateway/src/test/browser, build-tools/npm-fetch.sh) at generate-test-resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
