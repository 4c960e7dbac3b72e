package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.time.Clock;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.editing.FeatureEditor;
import org.lilong.layers.tiles.TileService;
import org.lilong.server.config.ServerConfig;

/**
 * The HTTP face of Lilong: OGC API – Features, the point look-up, the life-circle and coverage
 * analyses, logins, and the map page's assets.
 * Every route class is wired here and nowhere else.
 */
public final class LilongServer implements AutoCloseable {

    /**
     * Anything larger than this is refused before it is read. The one body a route reads, the
     * what-if proposal, has its own, smaller limit ({@link WhatIfRequestReader#MAX_BODY_BYTES}).
     */
    static final long MAX_REQUEST_BYTES = 1_000_000;

    private final Javalin app;

    private LilongServer(Javalin app) {
        this.app = app;
    }

    /** Starts the server on the configured host and port (0 picks a free port). */
    public static LilongServer start(Atlas atlas, ServerConfig config) {
        Javalin app = create(atlas, config);
        app.start(config.host(), config.port());
        return new LilongServer(app);
    }

    /** The configured application, not yet started (tests start it with javalin-testtools). */
    public static Javalin create(Atlas atlas, ServerConfig config) {
        return create(atlas, config, new Accounts(atlas.accountStore(), new PasswordHasher(PasswordHasher.DEFAULT_COST),
                atlas::subdistrictCodes, Clock.systemUTC()));
    }

    /** The same with the given accounts (tests hash with bcrypt's minimum cost, to stay fast). */
    public static Javalin create(Atlas atlas, ServerConfig config, Accounts accounts) {
        ObjectMapper json = new ObjectMapper();
        ProblemResponses problems = new ProblemResponses(json);
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.http.maxRequestSize = MAX_REQUEST_BYTES;
            javalin.http.prefer405over404 = true;
            javalin.staticFiles.enableWebjars();
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
            });
            problems.register(javalin);
            new Authentication(accounts).register(javalin);
            new AuthRoutes(accounts, new LoginThrottle(Clock.systemUTC()), json).register(javalin);
            new AdminRoutes(accounts, json).register(javalin);
            new LandingRoutes(atlas, json).register(javalin);
            new CollectionRoutes(atlas, json).register(javalin);
            new ItemRoutes(atlas, json.getFactory()).register(javalin);
            new WhereRoutes(atlas, json).register(javalin);
            new MapConfigRoutes(atlas, config, atlas.profile(), json).register(javalin);
            new AnalysisRoutes(atlas, config.profileName(), json.getFactory()).register(javalin);
            new CoverageRoutes(atlas, config.profileName(), json.getFactory()).register(javalin);
            FeatureEditor editor = new FeatureEditor(atlas, config.gridToleranceMetres());
            new EditRoutes(atlas, editor, json).register(javalin);
            new HistoryRoutes(atlas, editor, json).register(javalin);
            new GridEditRoutes(atlas, editor, json).register(javalin);
            TileService tiles = new TileService(atlas, config.tileCacheBytes());
            javalin.events.serverStopped(tiles::close);
            new TileRoutes(atlas, tiles, json).register(javalin);
        });
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
