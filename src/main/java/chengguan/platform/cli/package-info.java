/**
 * Administrative commands run from the command line without the web server and the scheduled jobs
 * ({@code --check-history}, {@code --unlock-user=NAME}, later {@code --backup}). On the embedded H2 default they
 * reach a running platform's database through H2's AUTO_SERVER mode, so the platform need not be stopped.
 */
@org.springframework.modulith.NamedInterface("cli")
package chengguan.platform.cli;
