/**
 * Who may do what: accounts with a role (planner, editor scoped to sub-districts, admin), their
 * passwords (bcrypt) and their revocable API tokens, kept in the same store as the layers. The
 * public has no account. {@link org.lilong.layers.accounts.Accounts} is the front door; the stores
 * implement {@link org.lilong.layers.accounts.AccountStore}.
 */
package org.lilong.layers.accounts;
