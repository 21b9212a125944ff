package org.auroralocus.gui;

import java.time.Clock;
import java.util.concurrent.Executor;
import org.auroralocus.gui.logs.LogRing;
import org.auroralocus.server.config.ConfigLoader;

/**
 * What every screen is built from: the hosted server, the runner for slow work, the log ring, the
 * clock, the way onto the FX thread and the configuration loader (for settings).
 */
public record GuiContext(ServerHost host, TaskRunner tasks, LogRing logs, Clock clock, Executor fxThread,
                         ConfigLoader loader) {}
