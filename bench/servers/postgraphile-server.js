/* global process, console */
/**
 * PostGraphile 5 over the bench database, as a team would run it out of the box: the Amber
 * preset, schema public, Node's http server. No Accord permission rules (PostGraphile knows
 * none): the floor a team gets for free. PORT and DATABASE_URL from the environment.
 */
const http = require('node:http');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server).then(
  () => server.listen(Number(process.env.PORT), '127.0.0.1'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
const stop = () => server.close(() => pgl.release().then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
