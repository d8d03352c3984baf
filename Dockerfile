# Attaché in a container: the TypeScript compiled once to dist/, shipped with the knowledge
# base and production dependencies only, run as the unprivileged `node` user.
# test/dockerfile.test.ts runs these same steps (no Docker needed), so keep to COPY, RUN,
# ENV, WORKDIR, USER, EXPOSE, HEALTHCHECK and CMD in exec form.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 HEALTH_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY knowledge ./knowledge
USER node
# Slack events on PORT (HTTP mode); /healthz, /readyz and /metrics on HEALTH_PORT in every mode.
EXPOSE 3000 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.HEALTH_PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/src/main.js"]
